# SPDX-License-Identifier: MIT
"""Checks jangkau's styled outputs in real QGIS (python3-qgis, headless).

The road layers (client_routes, roads, isochrones) are checked when the
export wrote them (after a coverage run by road), and must then all be
there, in the group Jalan.

Usage: check_layers.py OUTDIR [PNG]

Opens OUTDIR/jangkau.qgs and checks that every layer is valid, has the
feature count of the GeoPackage and is drawn by a classifying renderer (not
QGIS's default single symbol); opens every layer straight from jangkau.gpkg
(the default style of layer_styles must apply) and every Shapefile (its
sidecar .qml must apply); renders the project to PNG (default
OUTDIR/project.png) and checks that the picture is not blank. Prints one
line per failure and exits 1 when there was one.

Run with QT_QPA_PLATFORM=offscreen.
"""
import os
import sqlite3
import sys

from qgis.core import (QgsApplication, QgsExpression, QgsExpressionContext,
                       QgsExpressionContextScope, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsRectangle,
                       QgsRenderContext, QgsSymbolLayer, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

LAYERS = {
    # name: (renderer type, group)
    "desa_coverage": ("categorizedSymbol", "Analisis"),
    "gaps": ("categorizedSymbol", "Analisis"),
    "kecamatan_summary": ("RuleRenderer", "Analisis"),
    "sites": ("categorizedSymbol", "Lokasi"),
    "clients": ("categorizedSymbol", "Lokasi"),
    "client_links": ("categorizedSymbol", "Lokasi"),
}

ROAD_LAYERS = {
    "client_routes": ("singleSymbol", "Jalan"),
    "roads": ("RuleRenderer", "Jalan"),
    "isochrones": ("categorizedSymbol", "Jalan"),
}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, flush=True)


def check_renderer(what, layer, expected):
    r = layer.renderer()
    kind = r.type() if r else None
    # a single symbol only where the style asks for one (QGIS's default
    # is one too, so the symbol's colour tells them apart)
    if kind == "singleSymbol" and expected == "singleSymbol":
        col = r.symbol().symbolLayer(r.symbol().symbolLayerCount() - 1) \
            .color().name()
        if col != "#54278f":
            fail("%s: single symbol of colour %s, not the shipped style"
                 % (what, col))
    elif kind == "singleSymbol" or kind != expected:
        fail("%s: renderer %s, expected %s" % (what, kind, expected))
    return kind


def main():
    out = sys.argv[1]
    png = sys.argv[2] if len(sys.argv) > 2 else os.path.join(out,
                                                            "project.png")
    gpkg = os.path.join(out, "jangkau.gpkg")
    db = sqlite3.connect(gpkg)
    present = {r[0] for r in db.execute(
        "SELECT table_name FROM gpkg_contents")}
    roads = [n for n in ROAD_LAYERS if n in present]
    if roads and len(roads) != len(ROAD_LAYERS):
        fail("road layers: only %s written" % roads)
    if roads:
        LAYERS.update(ROAD_LAYERS)
    counts = {n: db.execute('SELECT count(*) FROM "%s"' % n).fetchone()[0]
              for n in LAYERS}
    db.close()

    proj = QgsProject.instance()
    if not proj.read(os.path.join(out, "jangkau.qgs")):
        fail("jangkau.qgs: QGIS cannot read it: " + proj.error())
        return
    crs = proj.crs()
    if not crs.isValid() or not crs.authid().startswith("EPSG:32"):
        fail("project CRS %s is not a UTM zone" % crs.authid())
    print("project CRS %s" % crs.authid())

    root = proj.layerTreeRoot()
    groups = [g.name() for g in root.children()]
    want = ["Lokasi", "Jalan", "Analisis"] if roads else ["Lokasi",
                                                           "Analisis"]
    if groups != want:
        fail("groups %s, expected %s" % (groups, want))
    for name, (rtype, group) in LAYERS.items():
        lyrs = proj.mapLayersByName(name)
        if len(lyrs) != 1:
            fail("project: layer %s: %d found" % (name, len(lyrs)))
            continue
        lyr = lyrs[0]
        if not lyr.isValid():
            fail("project: layer %s is not valid (%s)" % (name,
                                                          lyr.source()))
            continue
        if lyr.featureCount() != counts[name]:
            fail("project: %s: %d features, the GeoPackage has %d"
                 % (name, lyr.featureCount(), counts[name]))
        node = root.findLayer(lyr.id())
        if not node or node.parent().name() != group:
            fail("project: %s is not in group %s" % (name, group))
        if "jangkau.gpkg" not in lyr.source():
            fail("project: %s: source %s" % (name, lyr.source()))
        kind = check_renderer("project: " + name, lyr, rtype)
        print("project %-18s %5d features  %s" % (name, lyr.featureCount(),
                                                   kind))
    desa = proj.mapLayersByName("desa_coverage")
    if desa and desa[0].labelsEnabled():
        s = desa[0].labeling().settings()
        if not s.scaleVisibility or s.minimumScale != 100000:
            fail("desa labels: scale visibility %s, minimum scale %s"
                 % (s.scaleVisibility, s.minimumScale))
    elif desa:
        fail("desa_coverage: labels not enabled")
    # sites: status in the symbol, type in the label at large scales
    sites = proj.mapLayersByName("sites")
    if sites and sites[0].labelsEnabled():
        s = sites[0].labeling().settings()
        if not s.isExpression or "jenis" not in s.fieldName:
            fail("sites labels: %s is not the type" % s.fieldName)
        if not s.scaleVisibility or s.minimumScale != 25000:
            fail("sites labels: scale visibility %s, minimum scale %s"
                 % (s.scaleVisibility, s.minimumScale))
        ctx = QgsExpressionContext()
        ctx.setFeature(next(sites[0].getFeatures()))
        ctx.setFields(sites[0].fields())
        expr = QgsExpression(s.fieldName)
        val = expr.evaluate(ctx)
        if expr.hasEvalError() or not val or "_" in str(val):
            fail("sites labels: %s gives %r (%s)"
                 % (s.fieldName, val, expr.evalErrorString()))
    elif sites:
        fail("sites: labels not enabled")
    # site markers shrink at small scales (data-defined size on @map_scale)
    if sites:
        for sym in sites[0].renderer().symbols(QgsRenderContext()):
            prop = sym.symbolLayer(0).dataDefinedProperties().property(
                QgsSymbolLayer.PropertySize)
            sizes = []
            for scale in (50000, 400000, 2000000):
                ectx = QgsExpressionContext()
                scope = QgsExpressionContextScope()
                scope.setVariable("map_scale", scale)
                ectx.appendScope(scope)
                val, ok = prop.valueAsDouble(ectx, -1)
                sizes.append(val if ok else -1)
            if not prop.isActive() or not sizes[0] > sizes[1] > sizes[2] > 0:
                fail("sites: marker sizes at 1:50,000, 1:400,000, 1:2,000,000"
                     " are %s, not shrinking" % sizes)
    kec = proj.mapLayersByName("kecamatan_summary")
    if kec and kec[0].labelsEnabled():
        s = kec[0].labeling().rootRule().children()[0].settings() \
            if kec[0].labeling().type() == "rule-based" \
            else kec[0].labeling().settings()
        if not s.scaleVisibility or s.minimumScale != 1000000:
            fail("kecamatan labels: scale visibility %s, minimum scale %s"
                 % (s.scaleVisibility, s.minimumScale))
    order = [l.name() for l in root.layerOrder()]
    print("drawing order (top first): " + ", ".join(order))

    # straight from the GeoPackage: the default style of layer_styles, and
    # from the Shapefiles: the sidecar .qml
    for name, (rtype, _) in LAYERS.items():
        lyr = QgsVectorLayer("%s|layername=%s" % (gpkg, name), name, "ogr")
        if not lyr.isValid():
            fail("gpkg: %s is not valid" % name)
        else:
            check_renderer("gpkg " + name + " (layer_styles)", lyr, rtype)
        lyr = QgsVectorLayer(os.path.join(out, name + ".shp"), name, "ogr")
        if not lyr.isValid():
            fail("shp: %s is not valid" % name)
        else:
            check_renderer("shp " + name + " (sidecar .qml)", lyr, rtype)
            if lyr.featureCount() != counts[name]:
                fail("shp: %s: %d features" % (name, lyr.featureCount()))

    # render the project
    settings = QgsMapSettings()
    settings.setLayers(root.layerOrder())
    settings.setDestinationCrs(crs)
    ext = proj.viewSettings().defaultViewExtent()
    if ext.isEmpty():
        fail("project has no default view extent")
        ext = QgsRectangle(proj.viewSettings().fullExtent())
    settings.setOutputSize(QSize(1600, 1200))
    settings.setOutputDpi(120)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(ext)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    if not img.save(png, "PNG"):
        fail("cannot save %s" % png)
    colours = set()
    nonwhite = 0
    for y in range(0, img.height(), 4):
        for x in range(0, img.width(), 4):
            c = img.pixel(x, y) & 0xFFFFFF
            colours.add(c)
            if c != 0xFFFFFF:
                nonwhite += 1
    total = (img.height() // 4) * (img.width() // 4)
    print("rendered %s: %d colours, %.0f%% not white"
          % (png, len(colours), 100.0 * nonwhite / total))
    if len(colours) < 20 or nonwhite < total // 10:
        fail("the rendered map looks blank (%d colours, %d of %d pixels"
             " drawn)" % (len(colours), nonwhite, total))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_layers.py OUTDIR [PNG]")
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        main()
    finally:
        QgsProject.instance().clear()
        app.exitQgis()
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 0)
