namespace UnpackBench.Testing.Kubernetes;

/// <summary>Where an object is stored: its resource type, namespace ("" when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(ApiResource Resource, string Namespace, string Name);
