// c-ares 1.18 needs no macro wrappers for what plprobe uses; this header is
// the module's umbrella, and the place for wrappers should one be needed.
#ifndef CPLPROBE_CARES_SHIM_H
#define CPLPROBE_CARES_SHIM_H

#include <ares.h>

#endif
