/* `trienkhai gen`: synthetic data at the scale of DESIGN.md (being written). */
#include "cli/cli.h"

int cmd_gen(int argc, char **argv)
{
    return fail("gen chưa có trong bản dựng này / gen is not in this build yet");
}
