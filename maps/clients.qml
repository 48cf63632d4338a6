<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <!-- jangkau: clients, by default at the point of their village. Small
       neutral dots that stay behind the sites. -->
  <renderer-v2 type="categorizedSymbol" attr="aktif" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <categories>
      <category symbol="0" value="1" label="klien aktif" render="true"/>
      <category symbol="1" value="0" label="klien selesai" render="true"/>
    </categories>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="99,99,99,220" type="QString"/>
            <Option name="outline_color" value="255,255,255,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="1.6" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="angle" value="0" type="QString"/>
            <Option name="joinstyle" value="miter" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="name" value="circle" type="QString"/>
            <Option name="color" value="255,255,255,200" type="QString"/>
            <Option name="outline_color" value="99,99,99,255" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="outline_width" value="0.2" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="size" value="1.2" type="QString"/>
            <Option name="size_unit" value="MM" type="QString"/>
            <Option name="angle" value="0" type="QString"/>
            <Option name="joinstyle" value="miter" type="QString"/>
            <Option name="scale_method" value="diameter" type="QString"/>
            <Option name="vertical_anchor_point" value="1" type="QString"/>
            <Option name="horizontal_anchor_point" value="1" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>0</layerGeometryType>
</qgis>
