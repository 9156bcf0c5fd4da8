namespace UnpackBench.Testing.Docker;

/// <summary>
/// The OCI runtime the fixture's dockerd runs containers with: a POSIX shell wrapper around runc that
/// first removes, from the container's capability sets, every capability this machine's own bounding
/// set lacks. dockerd gives a privileged container every capability it knows; where the machine
/// withholds one (some sandboxes drop CAP_SYS_RESOURCE for everything), runc would refuse to start any
/// privileged container ("unable to apply caps"). On a machine with the full set it changes nothing.
/// Everything else that makes a container privileged (devices, no seccomp or AppArmor profile,
/// writable /sys and cgroups) is left as dockerd set it.
/// </summary>
public static class BoundedRuntimeScript
{
    /// <summary>The name the fixture registers the runtime under (<c>--add-runtime</c>, <c>--default-runtime</c>).</summary>
    public const string RuntimeName = "runc-bounded";

    /// <summary>The script's text: finds <c>--bundle DIR</c>, edits <c>DIR/config.json</c>, then <c>exec runc "$@"</c>.</summary>
    public const string Text = """
        #!/bin/sh
        # The test dockerd's runtime; see BoundedRuntimeScript.cs.
        bundle=
        previous=
        for argument in "$@"; do
            case $previous in --bundle | -b) bundle=$argument ;; esac
            case $argument in --bundle=*) bundle=${argument#--bundle=} ;; esac
            previous=$argument
        done
        if [ -n "$bundle" ] && [ -f "$bundle/config.json" ]; then
            bounding=$(awk '/^CapBnd:/ { print $2 }' /proc/self/status)
            number=0
            # The kernel's capabilities in bit order (linux/capability.h).
            for name in CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE \
                NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT \
                SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE \
                AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ \
                PERFMON BPF CHECKPOINT_RESTORE; do
                if [ -n "$bounding" ] && [ $(( (0x$bounding >> number) & 1 )) -eq 0 ]; then
                    sed -i -e "s/\"CAP_$name\",//g" -e "s/,\"CAP_$name\"\]/]/g" -e "s/\[\"CAP_$name\"\]/[]/g" "$bundle/config.json"
                fi
                number=$((number + 1))
            done
        fi
        exec runc "$@"

        """;
}
