/* SPDX-License-Identifier: MIT */
/*
 * The whole pipeline in one go, shared by `jangkau run` and `jangkau demo`:
 * import (boundaries, sites, clients, roads), geocode, coverage (by
 * straight line or by road), export, report. Rejected rows do not stop the
 * run (they are reported and counted for the exit code), unless --strict.
 */
#include <string.h>

#include "cli.h"

int cli_pipeline(struct cli *cli, jk_store *st, const struct pipeline *p)
{
	jk_import_stats is;
	jk_geocode_stats gs;
	jk_coverage_stats cs;
	jk_boundary_opts bo;
	jk_table_opts to = {.strict = p->strict};
	jk_coverage_opts co = {.radius_km = p->radius_km, .by_road = p->by_road,
			       .max_minutes = p->max_minutes};
	jk_roads_stats rs;
	jk_export_opts eo = {p->formats, p->exact_clients, p->client_ids,
			     p->juvenile_flag};
	jk_report_opts ro = {p->lang ? p->lang : "id", p->maps};
	int rc;

	co.road.profile = p->profile_path;
	memset(&bo, 0, sizeof bo);
	bo.aliases = p->aliases;
	bo.area = p->area;
	bo.s_crs = p->s_crs;
	bo.strict = p->strict;
	if (p->boundaries) {
		rc = jk_import_boundaries(cli->ctx, st, p->boundaries, &bo, &is);
		if (rc)
			return rc;
		cli_print_import(cli, "boundaries", p->boundaries, &is);
	}
	if (p->sites) {
		rc = jk_import_sites(cli->ctx, st, p->sites, &to, &is);
		if (rc)
			return rc;
		cli_print_import(cli, "sites", p->sites, &is);
	}
	if (p->clients) {
		rc = jk_import_clients(cli->ctx, st, p->clients, &to, &is);
		if (rc)
			return rc;
		cli_print_import(cli, "clients", p->clients, &is);
	}
	if (p->roads) {
		rc = jk_import_roads(cli->ctx, st, p->roads, NULL, &rs);
		if (rc)
			return rc;
		cli->rejected += rs.rejected;
		cli_print_roads(cli, p->roads, &rs);
	}
	rc = jk_geocode_run(cli->ctx, st, NULL, &gs);
	if (rc)
		return rc;
	cli_print_geocode(cli, &gs);
	rc = jk_coverage_run(cli->ctx, st, &co, &cs);
	if (rc)
		return rc;
	if (p->by_road)
		cli_print_coverage_road(cli, &co, p->profile, &cs);
	else
		cli_print_coverage(cli, &cs, p->radius_km);
	rc = jk_export_write(cli->ctx, st, p->out, &eo);
	if (rc)
		return rc;
	rc = jk_report_write(cli->ctx, st, p->out, &ro);
	if (rc)
		return rc;
	cli_say(cli, "layers and gap report written to %s\n", p->out);
	return JK_OK;
}
