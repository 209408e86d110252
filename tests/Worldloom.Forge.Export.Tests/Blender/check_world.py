# Run after build_world.py in the same Blender session (blender -b --factory-startup --python build_world.py
# --python check_world.py): prints one line, WORLDLOOM_CHECK and a JSON object describing what the script built.

import json

import bpy

root = bpy.data.collections["Worldloom"]
terrain = next(o for o in root.objects if o.type == "MESH")
points = [terrain.matrix_world @ v.co for v in terrain.data.vertices]
settlements = bpy.data.collections["Settlements"].objects
pois = bpy.data.collections["PointsOfInterest"].objects


def marker(obj):
    return {
        "object": obj.name,
        "type": obj.type,
        "location": list(obj.location),
        "properties": {key: obj[key] for key in obj.keys() if isinstance(obj[key], (str, int, float, bool))},
    }


print("WORLDLOOM_CHECK " + json.dumps({
    "vertices": len(terrain.data.vertices),
    "faces": len(terrain.data.polygons),
    "min": [min(p[i] for p in points) for i in range(3)],
    "max": [max(p[i] for p in points) for i in range(3)],
    "materials": [m.name for m in terrain.data.materials],
    "materialIndices": sorted(set(p.material_index for p in terrain.data.polygons)),
    "upFacing": sum(1 for p in terrain.data.polygons if p.normal.z > 0),
    "empties": sum(1 for o in bpy.data.objects if o.type == "EMPTY"),
    "settlements": [marker(o) for o in settlements],
    "pointsOfInterest": [marker(o) for o in pois],
}))
