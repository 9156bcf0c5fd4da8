using System.CommandLine;
using UnpackBench.Bench.Generation;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.CommandLine;

/// <summary><c>sample-image --output PATH [--format oci|docker]</c>: writes the sample image's archive.</summary>
internal sealed class SampleImageCommand : Command
{
    private readonly Option<string> _output = new("--output") { Description = "Where to write the archive", HelpName = "PATH", Required = true };
    private readonly Option<string> _format = new("--format") { Description = "OCI image layout tar or 'docker save' tar", DefaultValueFactory = _ => "oci" };

    /// <summary>Creates the command.</summary>
    public SampleImageCommand()
        : base("sample-image", "Write the small sample image (three layers exercising every unpack rule) as an image archive")
    {
        _format.AcceptOnlyFromAmong("oci", "docker");
        Options.Add(_output);
        Options.Add(_format);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var output = Path.GetFullPath(parse.GetValue(_output)!);
        var format = parse.GetValue(_format) == "docker" ? ImageFormat.Docker : ImageFormat.Oci;
        var digest = SampleImageWriter.Write(output, format);
        parse.InvocationConfiguration.Output.WriteLine(
            $"wrote {output} ({(format == ImageFormat.Oci ? "OCI" : "docker save")} archive of {SampleImageWriter.Name}, manifest {digest})");
        return ExitCodes.Success;
    }
}
