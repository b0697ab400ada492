/* Runs a daemon (libvirtd) as its child and adopts and reaps at once everything the daemon
 * leaves behind (QEMU, which libvirt daemonizes). Where PID 1 reaps orphans slowly, each guest
 * stop and each migration end would otherwise wait for it. SIGTERM and SIGINT go to the daemon;
 * when it has exited, the adopted processes left are killed and reaped, and the daemon's exit
 * status is returned. Usage: subreaper PROGRAM [ARGS...] */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t daemon_pid;

static void forward(int sig)
{
    if (daemon_pid > 0)
        kill(daemon_pid, sig);
}

/* Sends SIGKILL to every process whose parent is this one (the adopted orphans); returns how many. */
static int kill_adopted(void)
{
    int n = 0;
    DIR *proc = opendir("/proc");
    if (!proc)
        return 0;
    for (struct dirent *e; (e = readdir(proc));) {
        const pid_t pid = (pid_t)atoi(e->d_name);
        if (pid <= 0)
            continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        char buf[512];
        const size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = 0;
        const char *close = strrchr(buf, ')');
        int ppid = 0;
        if (close && sscanf(close + 2, "%*c %d", &ppid) == 1 && ppid == (int)getpid()) {
            kill(pid, SIGKILL);
            ++n;
        }
    }
    closedir(proc);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: subreaper PROGRAM [ARGS...]\n");
        return 2;
    }
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
        perror("subreaper: PR_SET_CHILD_SUBREAPER");
        return 1;
    }
    const pid_t child = fork();
    if (child < 0) {
        perror("subreaper: fork");
        return 1;
    }
    if (child == 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "subreaper: cannot run %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    daemon_pid = child;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    int status = 0;
    int daemon_status = 1;
    for (;;) {
        const pid_t pid = wait(&status);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break; /* ECHILD: nothing left */
        }
        if (pid == child) {
            daemon_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            daemon_pid = 0;
            kill_adopted();
        }
    }
    return daemon_status;
}
