using System.Text.Json;
using Worldloom.Forge.Core.Rendering;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// A one-frame sprite: its .yy (with the one-track sequence every 2024 sprite carries) and the frame's picture, stored
/// twice as the IDE keeps it: the composite <c>&lt;frame&gt;.png</c> and the layer's <c>layers/&lt;frame&gt;/&lt;layer&gt;.png</c>.
/// </summary>
internal static class GameMakerSprite
{
    public const string Folder = "sprites";

    /// <summary>Adds sprite <paramref name="name"/> showing <paramref name="image"/>, its origin at the centre or top-left.</summary>
    public static void Add(EngineFiles files, string name, RgbaImage image, bool centred)
    {
        var frame = GameMakerIds.Guid($"{name}/frame");
        var layer = GameMakerIds.Guid($"{name}/layer");
        var keyframe = GameMakerIds.Guid($"{name}/keyframe");
        var png = PngEncoder.Encode(image);
        var (xOrigin, yOrigin) = centred ? (image.Width / 2, image.Height / 2) : (0, 0);
        files.AddJson(GameMakerAssets.Path(Folder, name), json =>
        {
            json.WriteStartObject();
            GameMakerAssets.Tag(json, "GMSprite", "v2", name);
            json.WriteNumber("bboxMode", 0);
            json.WriteNumber("bbox_bottom", image.Height - 1);
            json.WriteNumber("bbox_left", 0);
            json.WriteNumber("bbox_right", image.Width - 1);
            json.WriteNumber("bbox_top", 0);
            json.WriteNumber("collisionKind", 1);
            json.WriteNumber("collisionTolerance", 0);
            json.WriteBoolean("DynamicTexturePage", false);
            json.WriteBoolean("edgeFiltering", false);
            json.WriteBoolean("For3D", false);
            json.WriteStartArray("frames");
            json.WriteStartObject();
            GameMakerAssets.Tag(json, "GMSpriteFrame", "v1", frame);
            json.WriteString("name", frame);
            GameMakerAssets.Resource(json, "GMSpriteFrame");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNumber("gridX", 0);
            json.WriteNumber("gridY", 0);
            json.WriteNumber("height", image.Height);
            json.WriteBoolean("HTile", false);
            json.WriteStartArray("layers");
            json.WriteStartObject();
            GameMakerAssets.Tag(json, "GMImageLayer", "", layer);
            json.WriteNumber("blendMode", 0);
            json.WriteString("displayName", "default");
            json.WriteBoolean("isLocked", false);
            json.WriteString("name", layer);
            GameMakerJson.Real(json, "opacity", 100);
            GameMakerAssets.Resource(json, "GMImageLayer");
            json.WriteBoolean("visible", true);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("name", name);
            json.WriteNull("nineSlice");
            json.WriteNumber("origin", centred ? 4 : 0);
            GameMakerAssets.Parent(json);
            json.WriteBoolean("preMultiplyAlpha", false);
            GameMakerAssets.Resource(json, "GMSprite");
            Sequence(json, name, frame, keyframe, xOrigin, yOrigin);
            json.WriteNull("swatchColours");
            GameMakerJson.Real(json, "swfPrecision", "0.5");
            json.WriteStartObject("textureGroupId");
            json.WriteString("name", "Default");
            json.WriteString("path", "texturegroups/Default");
            json.WriteEndObject();
            json.WriteNumber("type", 0);
            json.WriteBoolean("VTile", false);
            json.WriteNumber("width", image.Width);
            json.WriteEndObject();
        });
        files.Add($"{Folder}/{name}/{frame}.png", png);
        files.Add($"{Folder}/{name}/layers/{frame}/{layer}.png", png);
    }

    private static void Sequence(Utf8JsonWriter json, string name, string frame, string keyframe, int xOrigin, int yOrigin)
    {
        json.WriteStartObject("sequence");
        GameMakerAssets.Tag(json, "GMSequence", "v1", name);
        json.WriteBoolean("autoRecord", true);
        json.WriteNumber("backdropHeight", 768);
        GameMakerJson.Real(json, "backdropImageOpacity", "0.5");
        json.WriteString("backdropImagePath", "");
        json.WriteNumber("backdropWidth", 1366);
        GameMakerJson.Real(json, "backdropXOffset", 0);
        GameMakerJson.Real(json, "backdropYOffset", 0);
        KeyframeStore(json, "events", "MessageEventKeyframe");
        json.WriteNull("eventStubScript");
        json.WriteStartObject("eventToFunction");
        json.WriteEndObject();
        GameMakerJson.Real(json, "length", 1);
        json.WriteBoolean("lockOrigin", false);
        KeyframeStore(json, "moments", "MomentsEventKeyframe");
        json.WriteString("name", name);
        json.WriteNumber("playback", 1);
        GameMakerJson.Real(json, "playbackSpeed", 30);
        json.WriteNumber("playbackSpeedType", 0);
        GameMakerAssets.Resource(json, "GMSequence");
        json.WriteBoolean("showBackdrop", true);
        json.WriteBoolean("showBackdropImage", false);
        json.WriteNumber("timeUnits", 1);
        json.WriteStartArray("tracks");
        json.WriteStartObject();
        json.WriteString("$GMSpriteFramesTrack", "");
        json.WriteNumber("builtinName", 0);
        json.WriteStartArray("events");
        json.WriteEndArray();
        json.WriteBoolean("inheritsTrackColour", true);
        json.WriteNumber("interpolation", 1);
        json.WriteBoolean("isCreationTrack", false);
        json.WriteStartObject("keyframes");
        json.WriteString("$KeyframeStore<SpriteFrameKeyframe>", "");
        json.WriteStartArray("Keyframes");
        json.WriteStartObject();
        json.WriteString("$Keyframe<SpriteFrameKeyframe>", "");
        json.WriteStartObject("Channels");
        json.WriteStartObject("0");
        json.WriteString("$SpriteFrameKeyframe", "");
        json.WriteStartObject("Id");
        json.WriteString("name", frame);
        json.WriteString("path", GameMakerAssets.Path(Folder, name));
        json.WriteEndObject();
        GameMakerAssets.Resource(json, "SpriteFrameKeyframe");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("Disabled", false);
        json.WriteString("id", keyframe);
        json.WriteBoolean("IsCreationKey", false);
        GameMakerJson.Real(json, "Key", 0);
        GameMakerJson.Real(json, "Length", 1);
        GameMakerAssets.Resource(json, "Keyframe<SpriteFrameKeyframe>");
        json.WriteBoolean("Stretch", false);
        json.WriteEndObject();
        json.WriteEndArray();
        GameMakerAssets.Resource(json, "KeyframeStore<SpriteFrameKeyframe>");
        json.WriteEndObject();
        json.WriteStartArray("modifiers");
        json.WriteEndArray();
        json.WriteString("name", "frames");
        GameMakerAssets.Resource(json, "GMSpriteFramesTrack");
        json.WriteNull("spriteId");
        json.WriteNumber("trackColour", 0);
        json.WriteStartArray("tracks");
        json.WriteEndArray();
        json.WriteNumber("traits", 0);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteNull("visibleRange");
        GameMakerJson.Real(json, "volume", 1);
        json.WriteNumber("xorigin", xOrigin);
        json.WriteNumber("yorigin", yOrigin);
        json.WriteEndObject();
    }

    private static void KeyframeStore(Utf8JsonWriter json, string property, string keyframe)
    {
        json.WriteStartObject(property);
        json.WriteString($"$KeyframeStore<{keyframe}>", "");
        json.WriteStartArray("Keyframes");
        json.WriteEndArray();
        GameMakerAssets.Resource(json, $"KeyframeStore<{keyframe}>");
        json.WriteEndObject();
    }
}
