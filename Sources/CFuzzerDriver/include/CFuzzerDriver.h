#ifndef COPYDESK_FUZZER_DRIVER_H
#define COPYDESK_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that has its own main (SwiftPM gives
/// every executable one); defined by the fuzzer runtime that
/// `-sanitize=fuzzer` links, and only called in that build.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
