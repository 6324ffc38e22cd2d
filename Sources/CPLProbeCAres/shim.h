// c-ares 1.18 keeps a few needed values behind function-like macros; the
// wrappers below exist only so Swift can reach them.
#ifndef CPLPROBE_CARES_SHIM_H
#define CPLPROBE_CARES_SHIM_H

#include <ares.h>

static inline int CPLProbeCAres_getsock_readable(int bits, int index) {
    return ARES_GETSOCK_READABLE(bits, index) != 0;
}

static inline int CPLProbeCAres_getsock_writable(int bits, int index) {
    return ARES_GETSOCK_WRITABLE(bits, index) != 0;
}

#endif
