-- (c) ready sites per village: GROUP BY on the join of (a), every village
-- listed, zero included.
CREATE TABLE village_ready AS
SELECT v.fid, count(s.id) AS ready_sites
  FROM desa v
  LEFT JOIN site_village sv ON sv.village_fid = v.fid
  LEFT JOIN sites s ON s.id = sv.site_id AND s.ready
 GROUP BY v.fid;
