#ifdef __linux__
#define _GNU_SOURCE
#include <pthread.h>
#include "CPLProbeLinux.h"

int CPLProbeLinux_pthread_setname_np(pthread_t thread, const char *name) {
    return pthread_setname_np(thread, name);
}
#endif
