#include "lower/lower.h"

int lowerValue() { return 1; }
