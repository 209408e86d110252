# Builds a Worldloom world in Blender (2.93 or later): a displaced terrain mesh with a material per biome, and an
# empty per settlement and point of interest. Written by Worldloom with every Blender export.
#
#   blender -b --python build_world.py                      build, and keep nothing (a check)
#   blender -b --python build_world.py -- --save            build and save world.blend next to this script
#   blender -b --python build_world.py -- --save FILE.blend build and save to FILE.blend
#   WORLDLOOM_SAVE_BLEND=FILE.blend blender -b --python build_world.py
#
# Or open Blender, Scripting workspace, open this file and Run Script.
#
# It reads blender.json (the grid size, scale, biomes, settlements and points of interest), heightmap.raw (the grid's
# elevations, 16-bit little-endian, north row first) and biomes.raw (one biome byte per grid face, north row first)
# from its own folder. Units: 1 Blender unit = 1 metre; +X is east, +Y north, Z is height above sea level.

import array
import json
import os
import sys

import bpy

HERE = os.path.dirname(os.path.abspath(__file__))


def read_json(name):
    with open(os.path.join(HERE, name), "r", encoding="utf-8") as f:
        return json.load(f)


def read_heights(name, count):
    heights = array.array("H")
    with open(os.path.join(HERE, name), "rb") as f:
        heights.frombytes(f.read())
    if sys.byteorder != "little":
        heights.byteswap()
    if len(heights) != count:
        raise ValueError("%s holds %d samples; blender.json says %d" % (name, len(heights), count))
    return heights


def read_faces(name, count):
    with open(os.path.join(HERE, name), "rb") as f:
        biomes = f.read()
    if len(biomes) != count:
        raise ValueError("%s holds %d faces; blender.json says %d" % (name, len(biomes), count))
    return biomes


def srgb_to_linear(channel):
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def colour(hex_colour):
    value = int(hex_colour.lstrip("#"), 16)
    return (srgb_to_linear((value >> 16) & 0xFF), srgb_to_linear((value >> 8) & 0xFF), srgb_to_linear(value & 0xFF), 1.0)


def material(name, rgba):
    mat = bpy.data.materials.new(name)
    mat.diffuse_color = rgba
    mat.use_nodes = True
    bsdf = mat.node_tree.nodes.get("Principled BSDF")
    if bsdf is not None:
        bsdf.inputs["Base Color"].default_value = rgba
        bsdf.inputs["Roughness"].default_value = 0.9
    return mat


def collection(name, parent):
    coll = bpy.data.collections.new(name)
    parent.children.link(coll)
    return coll


def build_terrain(world, coll):
    grid = world["grid"]
    columns, rows = grid["columns"], grid["rows"]
    step_x, step_y = grid["sizeX"] / (columns - 1), grid["sizeY"] / (rows - 1)
    sea, per_metre = world["seaLevel"], world["unitsPerMetre"]
    heights = read_heights(world["heightmap"], columns * rows)
    faces_biome = read_faces(world["faces"], (columns - 1) * (rows - 1))

    # Row 0 is the north edge, at the largest y.
    vertices = []
    for row in range(rows):
        y = (rows - 1 - row) * step_y
        base = row * columns
        for column in range(columns):
            vertices.append((column * step_x, y, (heights[base + column] - sea) / per_metre))

    faces = []
    for row in range(rows - 1):
        for column in range(columns - 1):
            a = row * columns + column
            # Counter-clockwise seen from above, so normals face +Z.
            faces.append((a, a + columns, a + columns + 1, a + 1))

    mesh = bpy.data.meshes.new("Terrain")
    mesh.from_pydata(vertices, [], faces)

    # One material per biome present; each face takes its cell's biome.
    slots = {}
    for index in sorted(set(faces_biome)):
        biome = world["biomes"][index]
        slots[index] = len(mesh.materials)
        mesh.materials.append(material("biome_" + biome["name"], colour(biome["colour"])))
    mesh.polygons.foreach_set("material_index", [slots[b] for b in faces_biome])
    mesh.polygons.foreach_set("use_smooth", [True] * len(faces))
    mesh.update()

    terrain = bpy.data.objects.new("Terrain", mesh)
    terrain["world"] = world["world"]
    terrain["seed"] = world["seed"]
    coll.objects.link(terrain)
    return terrain


def build_markers(items, coll, display, size):
    for item in items:
        empty = bpy.data.objects.new(item["name"], None)
        empty.empty_display_type = display
        empty.empty_display_size = size
        empty.location = (item["x"], item["y"], item["z"])
        for key, value in item.items():
            if key not in ("name", "x", "y", "z"):
                empty[key] = value
        empty["name"] = item["name"]
        coll.objects.link(empty)


def save_path():
    args = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    if "--save" in args:
        at = args.index("--save")
        if at + 1 < len(args) and not args[at + 1].startswith("--"):
            return os.path.abspath(args[at + 1])
        return os.path.join(HERE, "world.blend")
    return os.environ.get("WORLDLOOM_SAVE_BLEND") or None


def main():
    world = read_json("blender.json")
    root = collection("Worldloom", bpy.context.scene.collection)
    build_terrain(world, root)
    marker_size = world["grid"]["sizeX"] / (world["grid"]["columns"] - 1) * 4
    build_markers(world["settlements"], collection("Settlements", root), "SINGLE_ARROW", marker_size)
    build_markers(world["pointsOfInterest"], collection("PointsOfInterest", root), "SPHERE", marker_size / 2)
    print("Worldloom: built %d x %d terrain, %d settlements, %d points of interest"
          % (world["grid"]["columns"], world["grid"]["rows"], len(world["settlements"]), len(world["pointsOfInterest"])))

    path = save_path()
    if path:
        bpy.ops.wm.save_as_mainfile(filepath=path)
        print("Worldloom: saved " + path)


main()
