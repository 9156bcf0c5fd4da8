namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// The container launcher: a fixed POSIX shell script the kubelet runs as
/// <c>setsid unshare --mount --propagation private -- sh launcher.sh POD_DIR OPERATION... -- PROGRAM ARG...</c>.
/// Inside its new, private mount namespace it builds the container's root in <c>POD_DIR/rootfs</c> — a tmpfs
/// holding bind mounts of every entry of the host's <c>/</c> — performs the <see cref="MountPlan"/>'s
/// operations, touches <c>POD_DIR/started</c> and replaces itself (exec) with <c>chroot</c> into that root
/// running the program, so the container's process keeps the launcher's pid and process group. A detached
/// watcher in that group kills the group should the kubelet's process die first (a crashed test run). All data
/// arrives as arguments and is only ever used quoted: nothing is evaluated. On failure it writes the reason
/// to <c>POD_DIR/launch-error</c> and exits 128. Every mount disappears with the namespace, when the
/// container's last process exits.
/// </summary>
internal static class LauncherScript
{
    /// <summary>The script's text.</summary>
    public const string Text = """
        # The test kubelet's container launcher; see LauncherScript.cs. Runs in a fresh private mount namespace.
        pod=$1
        shift
        root=$pod/rootfs
        staging=$pod/staging
        fail() {
            printf '%s\n' "$*" > "$pod/launch-error"
            printf 'test kubelet: container start failed: %s\n' "$*" >&2
            exit 128
        }
        if [ "${PATH+set}" = set ]; then user_path=$PATH; path_set=1; else user_path=; path_set=; fi
        PATH=/usr/sbin:/usr/bin:/sbin:/bin
        # An empty tmpfs with the mode and owner of directory $1, mounted on $2.
        tmpfs_like() {
            mount -t tmpfs -o "mode=$(stat -c %a "$1"),uid=$(stat -c %u "$1"),gid=$(stat -c %g "$1")" test-kubelet "$2" || fail "mounting a tmpfs on $2"
        }
        # Recreates every entry of directory $1 in the empty tmpfs $2: symbolic links as links, the rest as bind mounts.
        populate() {
            for entry in "$1"/* "$1"/.[!.]* "$1"/..?*; do
                if [ ! -e "$entry" ] && [ ! -L "$entry" ]; then continue; fi
                name=${entry##*/}
                if [ -L "$entry" ]; then
                    ln -s "$(readlink "$entry")" "$2/$name" || fail "copying the link $entry"
                elif [ -d "$entry" ]; then
                    mkdir "$2/$name" && mount --rbind "$entry" "$2/$name" || fail "binding $entry"
                else
                    : > "$2/$name" && mount --bind "$entry" "$2/$name" || fail "binding $entry"
                fi
            done
        }
        no_link() {
            if [ -L "$root$1" ]; then fail "$1 is a symbolic link"; fi
        }
        tmpfs_like / "$root"
        populate / "$root"
        # The copy of the host directory that holds the root also holds the root itself: detach that loop.
        if mountpoint -q "$root$root"; then umount -l "$root$root" || fail "detaching $root$root"; fi
        workdir=
        while [ $# -gt 0 ]; do
            operation=$1
            shift
            case $operation in
                --) break ;;
                shadow)
                    no_link "$1"
                    mount --rbind "$root$1" "$staging" || fail "staging $1"
                    tmpfs_like "$staging" "$root$1"
                    populate "$staging" "$root$1"
                    umount -l "$staging" || fail "unstaging $1"
                    shift ;;
                tmpfs) no_link "$1"; mount -t tmpfs -o mode=1777 test-kubelet "$root$1" || fail "mounting a tmpfs on $1"; shift ;;
                mkdir) no_link "$1"; mkdir "$root$1" || fail "creating the directory $1"; shift ;;
                touch) no_link "$1"; : > "$root$1" || fail "creating the file $1"; shift ;;
                bind) no_link "$2"; mount --rbind "$1" "$root$2" || fail "mounting $1 on $2"; shift 2 ;;
                ro) mount -o remount,bind,ro "$root$1" || fail "making $1 read-only"; shift ;;
                workdir) workdir=$1; shift ;;
                *) fail "unknown launcher operation $operation" ;;
            esac
        done
        # Dead man's switch: should the kubelet's process die without stopping the container, kill the
        # container's process group. Detached twice so the program never sees it as its child.
        kubelet=$PPID
        ( ( trap '' TERM INT; while kill -0 "$kubelet" 2>/dev/null; do sleep 1; done; kill -KILL 0 ) < /dev/null > /dev/null 2>&1 & )
        chroot=$(command -v chroot) || fail "chroot was not found"
        env=$(command -v env) || fail "env was not found"
        : > "$pod/started" || fail "marking the start"
        if [ -n "$path_set" ]; then PATH=$user_path; export PATH; else unset PATH; fi
        if [ -n "$workdir" ]; then exec "$chroot" "$root" "$env" -C "$workdir" "$@"; fi
        exec "$chroot" "$root" "$@"

        """;
}
