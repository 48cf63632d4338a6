<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <!-- jangkau: district outlines, thick and dark, with the district name
       in capitals from 1:1,000,000 in. Rule based only so that the renderer
       says what it is:
       one rule for every district. -->
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <rules key="{3b1c6a0e-0000-4000-8000-000000000000}">
      <rule key="{3b1c6a0e-0000-4000-8000-000000000001}" symbol="0" label="batas kecamatan"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="line_color" value="255,255,255,200" type="QString"/>
            <Option name="line_style" value="solid" type="QString"/>
            <Option name="line_width" value="1.6" type="QString"/>
            <Option name="line_width_unit" value="MM" type="QString"/>
            <Option name="capstyle" value="round" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
          </Option>
        </layer>
        <layer class="SimpleLine" pass="0" locked="0" enabled="1">
          <Option type="Map">
            <Option name="line_color" value="35,35,35,255" type="QString"/>
            <Option name="line_style" value="solid" type="QString"/>
            <Option name="line_width" value="0.8" type="QString"/>
            <Option name="line_width_unit" value="MM" type="QString"/>
            <Option name="capstyle" value="round" type="QString"/>
            <Option name="joinstyle" value="round" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="upper(&quot;kecamatan&quot;)" isExpression="1" fontFamily="DejaVu Sans" namedStyle="Bold" fontSize="10" fontSizeUnit="Point" fontWeight="75" fontItalic="0" textColor="20,20,20,255" textOpacity="1" allowHtml="0" capitalization="0" multilineHeight="1" fontLetterSpacing="1">
        <text-buffer bufferDraw="1" bufferSize="1.2" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.9" bufferNoFill="1" bufferJoinStyle="128"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="0" multilineAlign="1" formatNumbers="0" plussign="0"/>
      <placement placement="1" centroidInside="1" centroidWhole="1" fitInPolygonOnly="0" priority="8" dist="0" quadOffset="4" offsetType="0" xOffset="0" yOffset="0" overrunDistance="0"/>
      <rendering scaleVisibility="1" scaleMin="0" scaleMax="1000000" obstacle="1" obstacleType="1" obstacleFactor="1" drawLabels="1" fontLimitPixelSize="0" upsidedownLabels="0" displayAll="0" limitNumLabels="0" minFeatureSize="0" labelPerPart="0" mergeLines="0" zIndex="1"/>
    </settings>
  </labeling>
  <layerGeometryType>2</layerGeometryType>
</qgis>
