using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>A volume's backing directory (or file) on the host, and whether containers get it read-only.</summary>
internal sealed record VolumeSource(string HostPath, bool ReadOnly);

/// <summary>
/// Sets up a pod's volumes on the host, as the kubelet's volume plugins do: <c>emptyDir</c> is a fresh
/// directory in the pod's directory (removed with the pod; <c>medium</c> and <c>sizeLimit</c> are ignored),
/// <c>hostPath</c> is the path itself (created for DirectoryOrCreate and FileOrCreate, checked for the other
/// types), <c>persistentVolumeClaim</c> is a directory per namespace and claim that outlives pods like a
/// real volume, <c>secret</c> and <c>configMap</c> are directories of files written from the API (read-only
/// in containers). A missing secret or config map is retried, as by the real kubelet.
/// </summary>
internal sealed class PodVolumes(IKubernetes client, string podDirectory, string claimsDirectory)
{
    private const string ContainerCreating = "ContainerCreating";
    private const UnixFileMode AllAccess = (UnixFileMode)0x1FF;
    private const UnixFileMode DirectoryMode = (UnixFileMode)0x1ED;

    /// <summary>Every volume of the pod by name.</summary>
    public async Task<IReadOnlyDictionary<string, VolumeSource>> PrepareAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var volumes = new Dictionary<string, VolumeSource>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            volumes[volume.Name] = await PrepareAsync(pod, volume, cancellationToken);
        }

        return volumes;
    }

    private async Task<VolumeSource> PrepareAsync(V1Pod pod, V1Volume volume, CancellationToken cancellationToken)
    {
        if (volume.EmptyDir is not null)
        {
            return new(CreateDirectory(Path.Combine(podDirectory, "volumes", "empty-dir", volume.Name), AllAccess), ReadOnly: false);
        }

        if (volume.HostPath is { } hostPath)
        {
            return new(HostPath(volume, hostPath), ReadOnly: false);
        }

        if (volume.PersistentVolumeClaim is { } claim)
        {
            return new(CreateDirectory(Path.Combine(claimsDirectory, pod.Namespace(), claim.ClaimName), AllAccess), claim.ReadOnlyProperty == true);
        }

        if (volume.Secret is { } secret)
        {
            var found = await ApiReads.SecretAsync(client, pod.Namespace(), secret.SecretName, cancellationToken);
            var data = found is null ? Missing(volume, secret.Optional, $"secret \"{secret.SecretName}\" not found") : ApiReads.SecretData(found);
            return new(WriteFiles(volume, "secret", data, secret.Items, secret.DefaultMode), ReadOnly: true);
        }

        if (volume.ConfigMap is { } map)
        {
            var found = await ApiReads.ConfigMapAsync(client, pod.Namespace(), map.Name, cancellationToken);
            var data = found is null ? Missing(volume, map.Optional, $"configmap \"{map.Name}\" not found") : ApiReads.ConfigMapData(found);
            return new(WriteFiles(volume, "config-map", data, map.Items, map.DefaultMode), ReadOnly: true);
        }

        throw Failure(volume, "the test kubelet supports emptyDir, hostPath, persistentVolumeClaim, secret and configMap volumes", retryable: false);
    }

    private static string HostPath(V1Volume volume, V1HostPathVolumeSource source)
    {
        var path = source.Path;
        switch (source.Type ?? "")
        {
            case "DirectoryOrCreate":
                return Directory.Exists(path) ? path : CreateDirectory(path, DirectoryMode);
            case "FileOrCreate":
                if (!File.Exists(path))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (File.Open(path, FileMode.OpenOrCreate))
                    {
                    }
                }

                return path;
            case "Directory" when !Directory.Exists(path):
                throw Failure(volume, $"hostPath type check failed: {path} is not a directory", retryable: true);
            case "File" when !File.Exists(path):
                throw Failure(volume, $"hostPath type check failed: {path} is not a file", retryable: true);
            case var _ when !Path.Exists(path):
                throw Failure(volume, $"hostPath {path} does not exist", retryable: true);
            default:
                return path;
        }
    }

    /// <summary>Writes a secret's or config map's keys as files (all keys, or <paramref name="items"/> key → path) into a fresh directory.</summary>
    private string WriteFiles(V1Volume volume, string kind, IReadOnlyDictionary<string, byte[]> data, IList<V1KeyToPath>? items, int? defaultMode)
    {
        var directory = Path.Combine(podDirectory, "volumes", kind, volume.Name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        CreateDirectory(directory, DirectoryMode);
        var files = items?.Select(item => (item.Key, item.Path, item.Mode)) ?? data.Keys.Select(key => (key, key, (int?)null));
        foreach (var (key, relative, mode) in files)
        {
            if (!data.TryGetValue(key, out var content))
            {
                throw Failure(volume, $"couldn't find key {key} in {kind} {volume.Name}", retryable: true);
            }

            if (Path.IsPathRooted(relative) || relative.Split('/').Contains(".."))
            {
                throw Failure(volume, $"item path \"{relative}\" must be relative and must not contain '..'", retryable: false);
            }

            var file = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, content);
            FileModes.Set(file, (UnixFileMode)(mode ?? defaultMode ?? 0x1A4));
        }

        return directory;
    }

    private static Dictionary<string, byte[]> Missing(V1Volume volume, bool? optional, string message) =>
        optional == true ? new Dictionary<string, byte[]>() : throw Failure(volume, message, retryable: true);

    private static ContainerSetupException Failure(V1Volume volume, string message, bool retryable) =>
        new(ContainerCreating, $"MountVolume.SetUp failed for volume \"{volume.Name}\" : {message}", retryable);

    private static string CreateDirectory(string path, UnixFileMode mode)
    {
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            FileModes.Set(path, mode);
        }

        return path;
    }
}
