<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <!-- jangkau: the area within 15, 30 and 60 minutes of a ready site by
       road (nested bands, drawn largest first): translucent fills in the
       greens and yellow of the roads layer, each with a solid outline, so
       the villages below stay readable. -->
  <renderer-v2 type="categorizedSymbol" attr="minutes" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <categories>
      <category symbol="0" value="15" label="15 menit" render="true"/>
      <category symbol="1" value="30" label="30 menit" render="true"/>
      <category symbol="2" value="60" label="60 menit" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="color" value="26,152,80,90" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="outline_color" value="26,152,80,255" type="QString"/>
            <Option name="outline_style" value="no" type="QString"/>
            <Option name="outline_width" value="0.4" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="color" value="145,207,96,70" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="outline_color" value="102,166,30,255" type="QString"/>
            <Option name="outline_style" value="no" type="QString"/>
            <Option name="outline_width" value="0.4" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="color" value="254,224,139,60" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="outline_color" value="230,171,2,255" type="QString"/>
            <Option name="outline_style" value="no" type="QString"/>
            <Option name="outline_width" value="0.4" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
