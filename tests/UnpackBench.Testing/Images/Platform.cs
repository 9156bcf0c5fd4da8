using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>An image platform: operating system, CPU architecture and optional variant (GOOS/GOARCH names).</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    public static Platform LinuxArm64 { get; } = new("linux", "arm64", "v8");

    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7");

    /// <summary>The descriptor/config JSON shape: <c>{"architecture":…,"os":…,"variant":…}</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["architecture"] = Architecture, ["os"] = Os };
        if (Variant is not null)
        {
            json["variant"] = Variant;
        }

        return json;
    }

    /// <summary><c>os/architecture[/variant]</c>, as ctr's <c>--platform</c> takes it.</summary>
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
