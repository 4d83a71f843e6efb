// The lower layer of the cycle probe: one function. Thread-safe.
#pragma once

int lowerValue();
