#!/bin/sh
# Usage: engine-watchdog.sh OWNER_PID GRACE_SECONDS COMMAND [ARGUMENT...]
#
# LocalEngine starts this under setsid, so this shell leads a new session and process group
# that will hold every process the search engine creates. It forks a watcher, then execs
# COMMAND: the node keeps this pid, so the JVM's Process handle is the node itself.
#
# The watcher covers the one case the JVM cannot: the owning JVM killed with SIGKILL, where
# no shutdown hook runs. When the owner is gone it sends TERM to the whole group, gives the
# node GRACE_SECONDS to finish, then sends KILL to whatever is left.
#
# Liveness is read from /proc rather than tested with `kill -0`: the node may run as an
# unprivileged user while the owner runs as root, and `kill -0` then fails with EPERM even
# though the owner is alive. The start time guards against the owner's pid being reused.

set -u
set -f

if [ "$#" -lt 3 ]; then
    echo "usage: engine-watchdog.sh OWNER_PID GRACE_SECONDS COMMAND [ARGUMENT...]" >&2
    exit 64
fi

owner=$1
grace=$2
shift 2
group=$$

# Sets $state and $start_time (fields 3 and 22 of /proc/PID/stat); fails if PID does not exist.
read_stat() {
    stat_line=
    { read -r stat_line < "/proc/$1/stat"; } 2>/dev/null || return 1
    # Field 2 is the command name in parentheses and may itself contain spaces or ')'.
    set -- ${stat_line##*") "}
    [ "$#" -ge 20 ] || return 1
    state=$1
    shift 19
    start_time=$1
}

# Alive: the pid exists, still belongs to the same process, and is not a zombie.
is_alive() {
    read_stat "$1" || return 1
    [ "$start_time" = "$2" ] && [ "$state" != Z ]
}

stop_group() {
    echo "engine-watchdog: owner process $owner is gone; stopping the node (process group $group)" >&2
    # The TERM below reaches this watcher too, and it must survive it to send the KILL.
    trap '' TERM INT HUP
    kill -TERM -"$group" 2>/dev/null
    waited=0
    while [ "$waited" -lt "$grace" ] && is_alive "$group" "$node_start"; do
        sleep 1
        waited=$((waited + 1))
    done
    # Also takes down anything the node left behind in its group, and this watcher with it.
    kill -KILL -"$group" 2>/dev/null
    exit 0
}

# A clean stop by LocalEngine sends TERM to every process of the node, this watcher included:
# it then simply dies, since the JVM is alive and in charge.
watch_owner() {
    read_stat "$group" || exit 0
    node_start=$start_time
    if ! read_stat "$owner"; then
        # /proc/1 is hidden only when /proc is mounted with hidepid: then the owner cannot be watched.
        if [ -d /proc/1 ]; then
            stop_group
        fi
        echo "engine-watchdog: /proc hides process $owner from this user; the node will not be stopped if its owner dies" >&2
        exit 0
    fi
    owner_start=$start_time
    while is_alive "$owner" "$owner_start"; do
        # The node ended by itself or through a clean stop: nothing left to watch.
        is_alive "$group" "$node_start" || exit 0
        sleep 1
    done
    stop_group
}

watch_owner &
exec "$@"
