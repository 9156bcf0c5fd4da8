using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Setting the container up and starting it.</summary>
internal sealed partial class PodWorker
{
    private const string ContainerCreating = "ContainerCreating";

    /// <summary>A prepared container: what it runs (for diagnostics) and how to start it.</summary>
    private sealed record Launch(string Program, Func<CancellationToken, Task<IContainer>> StartAsync);

    /// <summary>Reports Pending and sets the container up, retrying what may succeed later; null when the pod ended first.</summary>
    private async Task<Launch?> SetUpAsync(CancellationToken stop)
    {
        var snapshot = ContainerSnapshot.Waiting(ContainerCreating, null);
        while (true)
        {
            var changed = Changed;
            if (!await SetAsync(snapshot, stop) || Removed || Deleting)
            {
                return null;
            }

            if (DeadlineExceeded)
            {
                await SetAsync(DeadlineExceededBeforeStart(), stop);
                return null;
            }

            TimeSpan? retry = null;
            try
            {
                return await PrepareAsync(Pod, stop);
            }
            catch (ContainerSetupException e)
            {
                _context.Report($"pod {Namespace}/{Name}: {e.Reason}: {e.Message}");
                snapshot = ContainerSnapshot.Waiting(e.Reason, e.Message, sandboxReady: e.Reason != ContainerCreating);
                retry = e.Retryable ? SetupRetry : null;
            }

            if (!await SetAsync(snapshot, stop))
            {
                return null;
            }

            await WaitAsync(changed, Earliest(retry, UntilDeadline()), stop);
        }
    }

    private async Task<Launch> PrepareAsync(V1Pod pod, CancellationToken stop)
    {
        if (pod.Spec.Containers.Count != 1 || pod.Spec.InitContainers is { Count: > 0 })
        {
            throw new ContainerSetupException("CreateContainerConfigError", "the test kubelet runs pods with exactly one container and no init containers", retryable: false);
        }

        var container = pod.Spec.Containers[0];
        var volumes = await new PodVolumes(_context.Client, _directory, _context.ClaimsDirectory).PrepareAsync(pod, stop);
        var variables = await ContainerEnvironment.ResolveAsync(_context.Client, pod, container, stop);
        var mounts = (container.VolumeMounts ?? []).Select(mount => Mount(mount, volumes)).ToList();
        mounts.Add(new MountRequest(CreateTerminationLog(), container.TerminationMessagePath ?? "/dev/termination-log", ReadOnly: false));
        if (_context.Docker is { } docker)
        {
            var parameters = DockerContainerSpec.Build(pod, container, variables, mounts);
            return new Launch(container.Image, token => DockerContainer.StartAsync(docker, parameters, Log, token));
        }

        var command = ContainerCommandLine.Resolve(container, variables, _context.Commands, _context.Options.ImageEntrypoints);
        var plan = MountPlan.Build(mounts, container.WorkingDir, command.ProgramFiles);
        Directory.CreateDirectory(Path.Combine(_directory, "rootfs"));
        Directory.CreateDirectory(Path.Combine(_directory, "staging"));
        var environment = Environment(pod, variables);
        return new Launch(command.Executable, _ => Task.FromResult<IContainer>(
            ContainerProcess.Start(_context.Tools, _context.LauncherPath, _directory, plan.Operations, command.Executable, command.Arguments, environment, Log)));
    }

    /// <summary>The test process's PATH and HOME, the runtime's HOSTNAME, then the container's variables.</summary>
    private static Dictionary<string, string> Environment(V1Pod pod, IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in (string[])["PATH", "HOME"])
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        environment["HOSTNAME"] = pod.Name();
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static MountRequest Mount(V1VolumeMount mount, IReadOnlyDictionary<string, VolumeSource> volumes)
    {
        if (!volumes.TryGetValue(mount.Name, out var volume))
        {
            throw new ContainerSetupException("CreateContainerConfigError", $"volumeMount \"{mount.Name}\" names no volume of the pod", retryable: false);
        }

        if (!string.IsNullOrEmpty(mount.SubPathExpr))
        {
            throw new ContainerSetupException("CreateContainerConfigError", "subPathExpr is not supported by the test kubelet", retryable: false);
        }

        var source = volume.HostPath;
        if (!string.IsNullOrEmpty(mount.SubPath))
        {
            if (Path.IsPathRooted(mount.SubPath) || mount.SubPath.Split('/').Contains(".."))
            {
                throw new ContainerSetupException("CreateContainerConfigError", $"subPath \"{mount.SubPath}\" must be relative and must not contain '..'", retryable: false);
            }

            source = Path.Combine(source, mount.SubPath);
            if (!Path.Exists(source))
            {
                Directory.CreateDirectory(source);
            }
        }

        return new MountRequest(source, mount.MountPath, mount.ReadOnlyProperty == true || volume.ReadOnly);
    }

    private string CreateTerminationLog()
    {
        var path = Path.Combine(_directory, "termination-log");
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(path, []);
        FileModes.Set(path, (UnixFileMode)0x1B6);
        return path;
    }

    /// <summary>Starts the process and reports Running once the launcher has handed over to the program; false when it could not start.</summary>
    private async Task<bool> StartAsync(Launch launch, CancellationToken stop)
    {
        try
        {
            _process = await launch.StartAsync(stop);
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await SetAsync(StartError(e.Message), stop);
            return false;
        }

        if (await _process.StartedAsync(stop))
        {
            _startedAt = PodConditions.Truncate(DateTime.UtcNow);
            _context.Report($"pod {Namespace}/{Name}: started {launch.Program} as {_process.Id}");
            await SetAsync(new ContainerSnapshot { Phase = "Running", SandboxReady = true, StartedAt = _startedAt, ContainerId = ContainerId }, stop);
        }

        return true;
    }

    private string? ContainerId => _process?.Id;

    private ContainerSnapshot StartError(string message) => new()
    {
        Phase = "Failed",
        SandboxReady = true,
        ExitCode = 128,
        TerminatedReason = "StartError",
        TerminatedMessage = message,
        FinishedAt = PodConditions.Truncate(DateTime.UtcNow),
        ContainerId = ContainerId,
    };
}
