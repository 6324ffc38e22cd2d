// Linux interfaces that Glibc's Swift module leaves out (epoll, eventfd,
// thread names, mallopt), gathered in one small target as swift-nio's CNIOLinux does.
#ifndef CPLPROBE_LINUX_H
#define CPLPROBE_LINUX_H

#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <malloc.h>

/// pthread_setname_np needs _GNU_SOURCE, which Swift cannot define for Glibc.
int CPLProbeLinux_pthread_setname_np(pthread_t thread, const char *name);
#endif

#endif
