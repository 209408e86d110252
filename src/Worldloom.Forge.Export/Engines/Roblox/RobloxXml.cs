using System.Globalization;
using System.Xml;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// Writing Roblox's XML model format (version 4): nested <c>Item</c> elements, each with a unique <c>referent</c> and
/// a <c>Properties</c> element of typed values. Referents are numbered in document order, so they are stable.
/// </summary>
internal sealed class RobloxXml(XmlWriter xml)
{
    private int _referents;

    /// <summary>Opens an Item of <paramref name="className"/> and its Properties; end with <see cref="EndProperties"/>.</summary>
    public void StartItem(string className, string name)
    {
        xml.WriteStartElement("Item");
        xml.WriteAttributeString("class", className);
        xml.WriteAttributeString("referent", string.Create(CultureInfo.InvariantCulture, $"RBX{_referents++:X8}"));
        xml.WriteStartElement("Properties");
        String("Name", name);
    }

    /// <summary>Closes Properties; child Items follow, then <see cref="EndItem"/>.</summary>
    public void EndProperties() => xml.WriteEndElement();

    public void EndItem() => xml.WriteEndElement();

    public void String(string name, string value) => Value("string", name, value);

    public void Bool(string name, bool value) => Value("bool", name, value ? "true" : "false");

    public void Int64(string name, long value) => Value("int64", name, value.ToString(CultureInfo.InvariantCulture));

    public void Colour(int rgb) => Value("Color3uint8", "Color3uint8", (0xFF000000u | (uint)rgb).ToString(CultureInfo.InvariantCulture));

    public void Source(string lua)
    {
        xml.WriteStartElement("ProtectedString");
        xml.WriteAttributeString("name", "Source");
        xml.WriteCData(lua);
        xml.WriteEndElement();
    }

    /// <summary>An unrotated CFrame at (x, y, z) studs, given as text.</summary>
    public void Position(string x, string y, string z)
    {
        xml.WriteStartElement("CoordinateFrame");
        xml.WriteAttributeString("name", "CFrame");
        xml.WriteElementString("X", x);
        xml.WriteElementString("Y", y);
        xml.WriteElementString("Z", z);
        string[] rotation = ["R00", "R01", "R02", "R10", "R11", "R12", "R20", "R21", "R22"];
        for (var i = 0; i < rotation.Length; i++)
        {
            xml.WriteElementString(rotation[i], i % 4 == 0 ? "1" : "0");
        }

        xml.WriteEndElement();
    }

    /// <summary>A Part's size; the format names the property <c>size</c>, lower case.</summary>
    public void Size(int x, int y, int z)
    {
        xml.WriteStartElement("Vector3");
        xml.WriteAttributeString("name", "size");
        xml.WriteElementString("X", x.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("Y", y.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("Z", z.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    /// <summary>A whole value child (StringValue, IntValue, BoolValue) carrying one datum of its parent.</summary>
    public void StringValue(string name, string value)
    {
        StartItem("StringValue", name);
        String("Value", value);
        EndProperties();
        EndItem();
    }

    public void IntValue(string name, long value)
    {
        StartItem("IntValue", name);
        Int64("Value", value);
        EndProperties();
        EndItem();
    }

    public void BoolValue(string name, bool value)
    {
        StartItem("BoolValue", name);
        Bool("Value", value);
        EndProperties();
        EndItem();
    }

    private void Value(string type, string name, string value)
    {
        xml.WriteStartElement(type);
        xml.WriteAttributeString("name", name);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
