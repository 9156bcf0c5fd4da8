using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// The content labels containerd's garbage collector follows. An image record references its
/// root; each index and manifest must name its children with these labels, or GC deletes them.
/// </summary>
internal static class GcLabels
{
    /// <summary>Labels an index with the manifest it keeps (only the chosen platform's is fetched).</summary>
    public static Dictionary<string, string> ForIndex(ContentDescriptor manifest) =>
        new() { ["containerd.io/gc.ref.content.m.0"] = manifest.Digest.ToString() };

    /// <summary>Labels a manifest with its config and layers.</summary>
    public static Dictionary<string, string> ForManifest(ImageManifest manifest)
    {
        var labels = new Dictionary<string, string> { ["containerd.io/gc.ref.content.config"] = manifest.Config.Digest.ToString() };
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            labels[$"containerd.io/gc.ref.content.l.{i}"] = manifest.Layers[i].Digest.ToString();
        }

        return labels;
    }

    /// <summary>Labels a layer blob with its uncompressed digest, as containerd's own pull does.</summary>
    public static Dictionary<string, string> ForLayer(Digest diffId) =>
        new() { ["containerd.io/uncompressed"] = diffId.ToString() };

    /// <summary>Makes a lease expire on its own if the agent dies before deleting it.</summary>
    public static Dictionary<string, string> Expiring(TimeProvider time, TimeSpan after) =>
        new() { ["containerd.io/gc.expire"] = (time.GetUtcNow() + after).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
}
