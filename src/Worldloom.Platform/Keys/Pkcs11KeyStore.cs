using System.Security.Cryptography;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Worldloom.Platform.Keys;

/// <summary>
/// Ed25519 keys on a PKCS#11 token (an HSM such as YubiHSM 2 or Nitrokey, or SoftHSM2 for testing). Key pairs are
/// generated on the token; the private halves are sensitive, non-extractable token objects, and the token signs with
/// <c>CKM_EDDSA</c>. Each pair carries its key id (the RFC 7638 thumbprint) in CKA_ID and a
/// <see cref="Pkcs11KeyLabel"/> in CKA_LABEL, which is how keys are found and ordered again after a restart.
/// </summary>
/// <remarks>
/// A PKCS#11 session must not be used from two threads at once, so the store keeps one session and serializes every
/// call on it. Signing is a single round trip to the token, and most tokens process one operation at a time anyway, so
/// a session pool would add complexity without adding throughput.
/// </remarks>
public sealed class Pkcs11KeyStore : IKeyStore, IDisposable
{
    // PKCS#11 3.0 values that Pkcs11Interop 5.3's CKM/CKK enums predate.
    private const ulong CkmEcEdwardsKeyPairGen = 0x1055;
    private const ulong CkmEddsa = 0x1057;
    private const ulong CkkEcEdwards = 0x40;

    // CKA_EC_PARAMS for Ed25519: the RFC 8410 OID 1.3.101.112 first, else the curve name as a DER PrintableString
    // (PKCS#11 3.0 allows both; SoftHSM2 2.6.1 takes either, some modules only one).
    private static readonly byte[] Ed25519Oid = [0x06, 0x03, 0x2B, 0x65, 0x70];
    private static readonly byte[] Ed25519CurveName = [0x13, 0x0C, .. "edwards25519"u8];

    private readonly Lock _gate = new();
    private readonly Pkcs11Module _module;
    private readonly string _tokenLabel;
    private readonly string _pin; // kept to log in again when the token drops the session (device reset, connector restart)
    private readonly TimeProvider _clock;
    private readonly IMechanism _eddsa;
    private ISession? _session;
    private List<Pkcs11TokenKey> _keys = [];
    private bool _disposed;

    /// <summary>
    /// Loads the module at <paramref name="libraryPath"/>, opens the token labelled <paramref name="tokenLabel"/>, logs in
    /// as user, and creates a first key if the token holds none.
    /// </summary>
    /// <exception cref="KeyStoreException">The module or token is missing, or the PIN is rejected.</exception>
    public Pkcs11KeyStore(string libraryPath, string tokenLabel, string pin, TimeProvider clock)
    {
        _tokenLabel = tokenLabel;
        _pin = pin;
        _clock = clock;
        _module = Pkcs11Module.Acquire(libraryPath);
        _eddsa = _module.Factories.MechanismFactory.Create(CkmEddsa);
        try
        {
            lock (_gate)
            {
                Connect();
                if (_keys.Count == 0)
                {
                    WithSession(CreateKey);
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public PublicSigningKey Current
    {
        get
        {
            lock (_gate)
            {
                return _keys[^1].Public;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PublicSigningKey> PublicKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys.Select(k => k.Public).ToList();
            }
        }
    }

    /// <inheritdoc />
    public byte[] Sign(string keyId, ReadOnlySpan<byte> data)
    {
        var message = data.ToArray();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return WithSession(session =>
            {
                var key = _keys.FirstOrDefault(k => k.Public.KeyId == keyId)
                    ?? throw new KeyNotFoundException($"No signing key '{keyId}' on PKCS#11 token '{_tokenLabel}'.");
                var signature = session.Sign(_eddsa, key.PrivateKey, message);
                return signature.Length == 64
                    ? signature
                    : throw new KeyStoreException($"PKCS#11 token '{_tokenLabel}' returned a {signature.Length}-byte EdDSA signature; Ed25519 signatures are 64 bytes.");
            });
        }
    }

    /// <inheritdoc />
    public PublicSigningKey Rotate()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return WithSession(CreateKey);
        }
    }

    /// <summary>Closes the session and lets go of the module. Keys stay on the token.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Disconnect();
            _eddsa.Dispose();
        }

        _module.Release();
    }

    /// <summary>Unwraps CKA_EC_POINT of an Ed25519 public key to its 32 raw bytes.</summary>
    internal static byte[] UnwrapEcPoint(byte[] ecPoint) => ecPoint switch
    {
        // PKCS#11 3.0 and SoftHSM2: a DER OCTET STRING around the key. Some modules return the bare 32 bytes.
        [0x04, 0x20, .. var raw] when raw.Length == 32 => raw,
        { Length: 32 } => ecPoint,
        _ => throw new KeyStoreException($"Unexpected CKA_EC_POINT encoding for an Ed25519 public key ({ecPoint.Length} bytes)."),
    };

    // Runs an operation on the session; if the token has dropped it, opens a new one, logs in, reloads the key handles
    // and tries once more. Callers hold _gate.
    private T WithSession<T>(Func<ISession, T> operation)
    {
        if (_session is null)
        {
            Connect();
        }

        try
        {
            return operation(_session!);
        }
        catch (Pkcs11Exception e) when (IsSessionLost(e.RV))
        {
            Disconnect();
            Connect();
            return operation(_session!);
        }
    }

    private static bool IsSessionLost(CKR rv) => rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_USER_NOT_LOGGED_IN
        or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID;

    private void Connect()
    {
        var session = FindSlot().OpenSession(SessionType.ReadWrite);
        try
        {
            Login(session);
            _keys = LoadKeys(session);
            _session = session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    // No C_Logout: login state belongs to the application and token, not the session, so logging out would also end
    // the login of any other store in this process on the same token. Closing the last session ends it anyway.
    private void Disconnect()
    {
        try
        {
            _session?.Dispose();
        }
        catch (Pkcs11Exception)
        {
            // The token already forgot the session; there is nothing left to close.
        }

        _session = null;
    }

    private ISlot FindSlot()
    {
        var present = new List<string>();
        foreach (var slot in _module.Library.GetSlotList(SlotsType.WithTokenPresent))
        {
            var label = slot.GetTokenInfo().Label;
            if (label == _tokenLabel)
            {
                return slot;
            }

            if (!string.IsNullOrEmpty(label))
            {
                present.Add($"'{label}'");
            }
        }

        throw new KeyStoreException(
            $"No PKCS#11 token labelled '{_tokenLabel}' in module '{_module.Path}'. Tokens present: {(present.Count == 0 ? "none" : string.Join(", ", present))}. Check Loom:Keys:Pkcs11TokenLabel.");
    }

    private void Login(ISession session)
    {
        try
        {
            session.Login(CKU.CKU_USER, _pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login is per application and token: another store in this process has already logged in to this token.
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE)
        {
            throw new KeyStoreException(
                $"PKCS#11 token '{_tokenLabel}' rejected the user PIN ({e.RV}). Check {KeyStoreOptions.PinEnvironmentVariable}; tokens lock after a few wrong PINs.", e);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_PIN_LOCKED)
        {
            throw new KeyStoreException($"PKCS#11 token '{_tokenLabel}' is locked after too many wrong PINs; unlock it with the SO PIN.", e);
        }
        catch (Pkcs11Exception e)
        {
            throw new KeyStoreException($"Cannot log in to PKCS#11 token '{_tokenLabel}': {e.RV}.", e);
        }
    }

    // Our key pairs on the token, oldest first. A public key whose private half is gone (or the reverse) is skipped:
    // it could not sign, and listing it as Current would break signing.
    private List<Pkcs11TokenKey> LoadKeys(ISession session)
    {
        var attributes = _module.Factories.ObjectAttributeFactory;
        var keys = new List<Pkcs11TokenKey>();
        var publicKeys = session.FindAllObjects(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CkkEcEdwards),
            attributes.Create(CKA.CKA_TOKEN, true),
        ]);
        foreach (var handle in publicKeys)
        {
            var values = session.GetAttributeValue(handle, [CKA.CKA_LABEL, CKA.CKA_ID, CKA.CKA_EC_POINT]);
            if (!Pkcs11KeyLabel.TryParse(values[0].GetValueAsString(), out var label))
            {
                continue;
            }

            var privateKeys = session.FindAllObjects(
            [
                attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                attributes.Create(CKA.CKA_KEY_TYPE, CkkEcEdwards),
                attributes.Create(CKA.CKA_TOKEN, true),
                attributes.Create(CKA.CKA_ID, values[1].GetValueAsByteArray()),
            ]);
            if (privateKeys.Count != 1)
            {
                continue;
            }

            var publicKey = UnwrapEcPoint(values[2].GetValueAsByteArray());
            keys.Add(new Pkcs11TokenKey(label.Sequence, new PublicSigningKey(Ed25519Keys.Thumbprint(publicKey), publicKey, label.CreatedAt), privateKeys[0]));
        }

        return [.. keys.OrderBy(k => k.Sequence).ThenBy(k => k.Public.CreatedAt)];
    }

    private PublicSigningKey CreateKey(ISession session)
    {
        var now = _clock.GetUtcNow();
        var label = new Pkcs11KeyLabel(
            _keys.Count == 0 ? 1 : _keys[^1].Sequence + 1,
            new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero)); // the label keeps milliseconds

        // Generated under a random pairing id first: the key id is the public key's thumbprint, known only afterwards.
        // Should the process die before CKA_ID is rewritten below, both halves still share an id and load as a pair.
        var (publicHandle, privateHandle) = GenerateKeyPair(session, label.ToString(), RandomNumberGenerator.GetBytes(16));
        try
        {
            var ecPoint = session.GetAttributeValue(publicHandle, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
            var publicKey = UnwrapEcPoint(ecPoint);
            var key = new PublicSigningKey(Ed25519Keys.Thumbprint(publicKey), publicKey, label.CreatedAt);
            var id = Encoding.ASCII.GetBytes(key.KeyId);
            session.SetAttributeValue(publicHandle, [_module.Factories.ObjectAttributeFactory.Create(CKA.CKA_ID, id)]);
            session.SetAttributeValue(privateHandle, [_module.Factories.ObjectAttributeFactory.Create(CKA.CKA_ID, id)]);
            _keys = [.. _keys, new Pkcs11TokenKey(label.Sequence, key, privateHandle)];
            return key;
        }
        catch (Exception e) when (e is Pkcs11Exception or KeyStoreException)
        {
            TryDestroy(session, privateHandle);
            TryDestroy(session, publicHandle);
            throw;
        }
    }

    private (IObjectHandle Public, IObjectHandle Private) GenerateKeyPair(ISession session, string label, byte[] id)
    {
        var attributes = _module.Factories.ObjectAttributeFactory;
        using var mechanism = _module.Factories.MechanismFactory.Create(CkmEcEdwardsKeyPairGen);
        List<IObjectAttribute> PublicTemplate(byte[] ecParams) =>
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CkkEcEdwards),
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_PRIVATE, false),
            attributes.Create(CKA.CKA_VERIFY, true),
            attributes.Create(CKA.CKA_EC_PARAMS, ecParams),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_ID, id),
        ];
        List<IObjectAttribute> privateTemplate =
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, CkkEcEdwards),
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_EXTRACTABLE, false),
            attributes.Create(CKA.CKA_SIGN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_ID, id),
        ];

        IObjectHandle publicHandle, privateHandle;
        try
        {
            session.GenerateKeyPair(mechanism, PublicTemplate(Ed25519Oid), privateTemplate, out publicHandle, out privateHandle);
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_ATTRIBUTE_VALUE_INVALID or CKR.CKR_CURVE_NOT_SUPPORTED or CKR.CKR_DOMAIN_PARAMS_INVALID or CKR.CKR_TEMPLATE_INCONSISTENT)
        {
            session.GenerateKeyPair(mechanism, PublicTemplate(Ed25519CurveName), privateTemplate, out publicHandle, out privateHandle);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_MECHANISM_INVALID)
        {
            throw new KeyStoreException($"PKCS#11 token '{_tokenLabel}' cannot generate Ed25519 keys (no CKM_EC_EDWARDS_KEY_PAIR_GEN).", e);
        }

        return (publicHandle, privateHandle);
    }

    private static void TryDestroy(ISession session, IObjectHandle handle)
    {
        try
        {
            session.DestroyObject(handle);
        }
        catch (Pkcs11Exception)
        {
            // The original failure is the one worth reporting; a half-made pair left behind is either loaded as a pair
            // (same pairing id) or ignored as an orphan.
        }
    }
}
