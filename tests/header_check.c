/* SPDX-License-Identifier: MIT */
/* The public header must compile on its own as plain C. */
#include <jangkau/jangkau.h>

int jk_header_check_dummy(void);
int jk_header_check_dummy(void)
{
	return JK_OK;
}
