#include "lower/lower.h"

int upperValue() { return lowerValue() + 1; }
