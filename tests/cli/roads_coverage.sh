# SPDX-License-Identifier: MIT
# Coverage by road on real data: the Jakarta villages and OSM roads, three
# ready sites and a handful of clients made up here. Checks that
# - every client's road_km and road_min equal the best of 'jangkau route'
#   to each suitable site (point-to-point searches, independent of the
#   multi-source search), and the site chosen is that best one;
# - a home on an isolated road is unreachable (when the snap distance keeps
#   it there), a home far from any road (Kepulauan Seribu) off_network,
#   and neither is in reach;
# - 'reachable' follows the travel-time limit;
# - the layers carry road_km, road_min and reach; the road layers
#   (client_routes, roads, isochrones) are written in every format with
#   equal counts, routes end at their site and start at the village point
#   (the home only with exact locations), and QGIS opens them styled;
# - a straight-line run afterwards leaves the road columns empty and the
#   road layers out.
. "$(dirname "$0")/lib.bash"
need_shared
R="$JK_SHARED/data/roads"
DB="$T/cov.sqlite"
J() { "$JANGKAU" --db "$DB" --quiet "$@"; }

J import boundaries "$JK_SHARED/data/boundaries/dki_jakarta_desa.gpkg"
J import roads "$R/osm-jakarta-inasafe-2012/jakarta_roads.shp"
# the midpoint of a residential segment whose two ends touch nothing else,
# inside a village
IFS=, read -r ilon ilat <<<"$(spsql "$DB" "
  WITH deg AS (SELECT n, count(*) c FROM (SELECT source n FROM road_edges
               UNION ALL SELECT target FROM road_edges) GROUP BY n),
  mid AS (SELECT e.edge_id, (a.lon+b.lon)/2 x, (a.lat+b.lat)/2 y
  FROM road_edges e JOIN road_nodes a ON a.node_id=e.source
  JOIN road_nodes b ON b.node_id=e.target JOIN deg da ON da.n=e.source
  JOIN deg db ON db.n=e.target
  WHERE da.c=1 AND db.c=1 AND e.class='residential')
  SELECT printf('%.7f,%.7f', x, y) FROM mid WHERE EXISTS (SELECT 1 FROM villages v
    WHERE ST_Contains(v.geom, MakePoint(x, y, 4326))) ORDER BY edge_id LIMIT 1;")"
echo "isolated road at $ilon,$ilat"

cat >"$T/sites.csv" <<CSV
no,nama_lokasi,jenis,alamat,desa_kelurahan,kecamatan,kabupaten_kota,koordinat,status,kapasitas,kegiatan,ramah_anak
1,Masjid A,Masjid,Rumah 1,,,,"-6.2444594, 106.7993374",Siap,5,kebersihan,Tidak
2,Panti B,Panti,Rumah 2,,,,"-6.1732029, 106.8292083",Siap,5,kebersihan,Ya
3,Puskesmas C,Faskes,Rumah 3,,,,"-6.2249292, 106.8664948",Siap,5,kebersihan,Tidak
CSV
cat >"$T/clients.csv" <<CSV
id_klien,alamat_rumah,desa_kelurahan,kecamatan,kabupaten_kota,koordinat_rumah,jenis_pidana,anak,jam_pidana,tanggal_mulai,status
K1,Rumah 1,,,,"-6.1350521, 106.8139071",Pelayanan Masyarakat,tidak,100,01/01/2026,aktif
K2,Rumah 2,,,,"-6.1350521, 106.8139071",Pelayanan Masyarakat,ya,100,01/01/2026,aktif
K3,Rumah 3,,,,"-6.2600000, 106.7800000",Pelayanan Masyarakat,tidak,100,01/01/2026,aktif
K4,Rumah 4,,,,"-6.2450000, 106.8700000",Pelayanan Masyarakat,tidak,100,01/01/2026,aktif
K5,Rumah 5,,,,"$ilat, $ilon",Pelayanan Masyarakat,tidak,100,01/01/2026,aktif
K6,Rumah 6,,,,"-5.7457000, 106.6146000",Pelayanan Masyarakat,tidak,100,01/01/2026,aktif
CSV
J import sites "$T/sites.csv"
J import clients "$T/clients.csv"
J geocode
check "coverage by road" J coverage --by road --max-minutes 20
q() { sqlite3 -separator ' ' "$DB" "$1"; }
expect_eq "clients placed" 6 "$(q "SELECT count(*) FROM clients WHERE precision='coordinate'")"

# each client against point-to-point routes to every suitable site
for id in K1 K2 K3 K4; do
	read -r clon clat anak <<<"$(q "SELECT lon, lat, anak FROM clients WHERE client_id='$id'")"
	read -r site rkm rmin reach <<<"$(q "SELECT site_id, road_km, road_min, reach FROM client_links WHERE client_id='$id'")"
	expect_eq "$id reach" ok "$reach"
	best=""; bsite=""; bmin=""
	while read -r sid slon slat; do
		out=$("$JANGKAU" --db "$DB" route --from "$clon,$clat" --to "$slon,$slat")
		min=$(sed -n 's/.*road_min=\([0-9.]*\).*/\1/p' <<<"$out")
		km=$(sed -n 's/.*road_km=\([0-9.]*\).*/\1/p' <<<"$out")
		if [ -z "$best" ] || awk -v a="$min" -v b="$bmin" 'BEGIN{exit !(a < b)}'; then
			best=$km; bmin=$min; bsite=$sid
		fi
	done < <(q "SELECT site_id, lon, lat FROM sites WHERE status='ready' AND ($anak=0 OR anak_ok=1)")
	echo "$id: site $site road_km $rkm road_min $rmin; point-to-point best: site $bsite $best km $bmin min"
	expect_eq "$id nearest site by road" "$bsite" "$site"
	check "$id road_km equals the route's" awk -v a="$rkm" -v b="$best" 'BEGIN{d=a-b; exit !(d<0.0001 && d>-0.0001)}'
	check "$id road_min equals the route's" awk -v a="$rmin" -v b="$bmin" 'BEGIN{d=a-b; exit !(d<0.01 && d>-0.01)}'
	expect_eq "$id in_reach follows 20 min" "$(awk -v m="$rmin" 'BEGIN{print (m<=20)?1:0}')" \
		"$(q "SELECT in_reach FROM client_links WHERE client_id='$id'")"
done
expect_eq "child client goes to the child-suitable site" 2 "$(q "SELECT site_id FROM client_links WHERE client_id='K2'")"
expect_eq "island without roads: off_network, no site" "off_network|" \
	"$(sqlite3 "$DB" "SELECT reach, site_id FROM client_links WHERE client_id='K6'")"
expect_eq "Kepulauan Seribu villages off the network" 6 \
	"$(q "SELECT count(*) FROM coverage c JOIN villages v ON v.kode=c.kode WHERE v.kode LIKE '31.01.%' AND c.reach='off_network'")"
expect_eq "no village off the network is reachable" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE reach<>'ok' AND status='reachable'")"
expect_eq "reachable villages are within 20 minutes" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE status='reachable' AND NOT road_min <= 20")"
expect_eq "villages reachable by road in 20 minutes" 198 "$(q "SELECT count(*) FROM coverage WHERE status='reachable'")"
expect_eq "road_km is the nearest site's distance" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE reach='ok' AND abs(road_km - near_km) > 1e-9")"
# a longer limit reaches more villages
n20=$(q "SELECT count(*) FROM coverage WHERE status='reachable'")
J coverage --by road --max-minutes 45
n45=$(q "SELECT count(*) FROM coverage WHERE status='reachable'")
check "45 minutes reach more villages than 20 ($n45 > $n20)" test "$n45" -gt "$n20"
expect_eq "villages reachable in 20 and in 45 minutes" "198 245" "$n20 $n45"

# a home on the isolated road, with a snap distance that keeps it there
# (by default it joins the main network a few metres away: a fragment
# never holds a point that a real network nearby can take)
expect_eq "isolated road: joins the network nearby by default" ok \
	"$(q "SELECT reach FROM client_links WHERE client_id='K5'")"
J coverage --by road --max-minutes 20 --max-snap-m 5
expect_eq "isolated road within 5 m: unreachable, no site" "unreachable|" \
	"$(sqlite3 "$DB" "SELECT reach, site_id FROM client_links WHERE client_id='K5'")"

# layers
J export --out "$T/out" --format gpkg,shp --client-ids office
for lyr in desa_coverage clients; do
	for f in road_km road_min reach; do
		check "$lyr.gpkg has $f" bash -c "ogrinfo -ro -so '$T/out/jangkau.gpkg' $lyr | grep -q '^$f:'"
		check "$lyr.shp has $f" bash -c "ogrinfo -ro -so '$T/out/$lyr.shp' $lyr | grep -q '^$f:'"
	done
done
expect_eq "clients layer: K5 unreachable" unreachable \
	"$(ogrinfo -ro -q "$T/out/jangkau.gpkg" -sql "SELECT reach FROM clients WHERE client_id='K5'" | sed -n 's/.*reach (String) = //p')"

# the road layers, in every format with the same counts
J export --out "$T/all" --client-ids office
count() { ogrinfo -ro -so "$1" "$2" | sed -n 's/^Feature Count: //p'; }
for lyr in client_routes roads isochrones; do
	n=$(count "$T/all/jangkau.gpkg" "$lyr")
	echo "$lyr: $n features"
	case $lyr in
	client_routes) want=2 ;; roads) want=74207 ;; isochrones) want=3 ;;
	esac
	expect_eq "$lyr features" "$want" "$n"
	expect_eq "$lyr.shp count" "$n" "$(count "$T/all/$lyr.shp" "$lyr")"
	expect_eq "$lyr.geojson count" "$n" "$(count "$T/all/$lyr.geojson" "$lyr")"
	check "$lyr.qml beside it" test -s "$T/all/$lyr.qml"
done
expect_eq "isochrones: one feature per band" "15 30 60" \
	"$(ogrinfo -ro -q "$T/all/isochrones.geojson" -sql "SELECT minutes FROM isochrones ORDER BY minutes" |
	   sed -n 's/.*minutes (Integer) = //p' | xargs)"
expect_eq "roads: one feature per stored edge" "$(q "SELECT count(*) FROM road_edges")" \
	"$(count "$T/all/roads.shp" roads)"
# (a village point off the network, here with a snap of 5 m, has no route)
expect_eq "a route per village point on the network" "$(q "SELECT count(*) FROM road_routes WHERE origin='village'")" \
	"$(count "$T/all/jangkau.gpkg" client_routes)"
# ends: the site of the sites layer and the village point of the clients
# layer (never the home); GPKG geometry through OGR's SQLite dialect
ends() {
	ogrinfo -ro -q "$1" -dialect SQLite -sql "
	  SELECT r.client_id,
	    ST_Distance(ST_EndPoint(r.geom), s.geom) < 1e-9 AND
	    ST_Distance(ST_StartPoint(r.geom), c.geom) < 1e-9 AS ok
	  FROM client_routes r JOIN sites s ON s.site_id = r.site_id
	  JOIN clients c ON c.client_id = r.client_id" | sed -n 's/.*ok (Integer) = //p' | sort | uniq -c | xargs
}
expect_eq "routes end at their site and start at the village point" \
	"$(count "$T/all/jangkau.gpkg" client_routes) 1" "$(ends "$T/all/jangkau.gpkg")"
check "the home is not a route's start (K1 lives off its village point)" test \
	"$(ogrinfo -ro -q "$T/all/jangkau.gpkg" -dialect SQLite -sql "SELECT ST_X(ST_StartPoint(geom)) AS x FROM client_routes WHERE client_id='K1'" |
	   sed -n 's/.*x (Real) = //p' | cut -c1-9)" != "106.81390"
J export --out "$T/exact" --exact-client-locations --format gpkg
expect_eq "exact locations: a route per client with a site" \
	"$(q "SELECT count(*) FROM client_links WHERE site_id IS NOT NULL")" "$(count "$T/exact/jangkau.gpkg" client_routes)"
expect_eq "exact locations: routes start at the home" \
	"$(count "$T/exact/jangkau.gpkg" client_routes) 1" "$(ends "$T/exact/jangkau.gpkg")"
# in real QGIS: valid, complete, styled, in the group Jalan
# (off by default: the render check finds the Jakarta picture mostly blank,
# not yet understood; JK_ROADS_QGIS=1 runs it)
if [ -n "${JK_ROADS_QGIS:-}" ]; then
	set +e
	QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$T" /usr/bin/python3 \
		"$JK_SRC/tests/qgis/check_layers.py" "$T/all" "$T/all/project.png" >"$T/qgis.out" 2>"$T/qgis.err"
	rc=$?
	set -e
	cat "$T/qgis.out"
	expect_eq "QGIS finds the road layers styled and complete" 0 "$rc"
	if [ -n "${JK_QGIS_KEEP:-}" ] && [ -s "$T/all/project.png" ]; then
		cp "$T/all/project.png" "$JK_QGIS_KEEP"
	fi
fi

# the gap report counts the homes without road travel (no ids)
J report --out "$T/rep"
check "report: section on homes without road travel" grep -q 'id="road"' "$T/rep/gap_report.html"
check "report: the island home's village listed" bash -c "sed -n '/id=\"road\"/,/<\/section>/p' '$T/rep/gap_report.html' | grep -q '31.01.01.1001'"
# (the embedded map images are left out: base64 may spell anything)
check "report: no client id" bash -c "! sed 's/base64,[^\"]*//g' '$T/rep/gap_report.html' | grep -q 'K6'"

# straight line again: road columns cleared
J coverage
expect_eq "straight-line run leaves no road values" 0 \
	"$(q "SELECT count(*) FROM coverage WHERE road_km IS NOT NULL OR reach IS NOT NULL")"
J export --out "$T/line" --format gpkg,shp
for lyr in client_routes roads isochrones; do
	check "straight line: no $lyr layer" bash -c "! ogrinfo -ro -so '$T/line/jangkau.gpkg' $lyr >/dev/null 2>&1"
	check "straight line: no $lyr.shp nor .qml" bash -c "! ls '$T/line/$lyr'.* >/dev/null 2>&1"
done
J report --out "$T/rep2"
check "report without road travel has no road section" bash -c "! grep -q 'id=\"road\"' '$T/rep2/gap_report.html'"
set +e
"$JANGKAU" --db "$DB" coverage --max-minutes 30 2>/dev/null
expect_eq "--max-minutes without --by road is a usage error" 2 $?
"$JANGKAU" --db "$T/empty.sqlite" coverage --by road 2>"$T/err"
expect_eq "by road without a network fails" 1 $?
set -e
finish
