using Net.Pkcs11Interop.HighLevelAPI;

namespace Worldloom.Platform.Keys;

/// <summary>A key pair found on the token: its place in rotation order, its public half, and the handle the token signs with.</summary>
internal sealed record Pkcs11TokenKey(int Sequence, PublicSigningKey Public, IObjectHandle PrivateKey);
