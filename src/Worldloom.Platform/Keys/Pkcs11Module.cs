using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Worldloom.Platform.Keys;

/// <summary>
/// One loaded PKCS#11 module per library path, shared by every store in the process and finalized when the last one
/// lets go. Sharing is required, not an optimization: <c>C_Initialize</c>/<c>C_Finalize</c> are per process, so a second
/// independently loaded copy would tear down the first one's sessions when it was disposed.
/// </summary>
internal sealed class Pkcs11Module
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Pkcs11Module> Loaded = new(StringComparer.Ordinal);

    private int _users;

    static Pkcs11Module()
    {
        // Pkcs11Interop 5.3 P/Invokes dlopen from "libdl", which resolves to libdl.so: only the libc6-dev package ships
        // that name, so on a plain Debian 12 / Ubuntu 22.04+ runtime loading fails. Point it at the runtime soname.
        NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, (name, _, _) =>
            name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);
    }

    private Pkcs11Module(string path, Pkcs11InteropFactories factories, IPkcs11Library library)
    {
        Path = path;
        Factories = factories;
        Library = library;
    }

    /// <summary>Full path of the module file.</summary>
    public string Path { get; }

    /// <summary>Factories for mechanisms and attributes, matching <see cref="Library"/>.</summary>
    public Pkcs11InteropFactories Factories { get; }

    /// <summary>The initialized module.</summary>
    public IPkcs11Library Library { get; }

    /// <summary>Loads (or shares the already loaded) module at <paramref name="path"/>; pair with <see cref="Release"/>.</summary>
    public static Pkcs11Module Acquire(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(fullPath, out var module))
            {
                if (!File.Exists(fullPath))
                {
                    throw new KeyStoreException(
                        $"PKCS#11 module not found at '{fullPath}'. Install the token's module (SoftHSM2: apt-get install softhsm2) or set Loom:Keys:Pkcs11Library.");
                }

                var factories = new Pkcs11InteropFactories();
                IPkcs11Library library;
                try
                {
                    // MultiThreaded: the module may use OS locking, since the server signs from many threads (one at a time per session).
                    library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, fullPath, AppType.MultiThreaded);
                }
                catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException)
                {
                    throw new KeyStoreException($"Cannot load the PKCS#11 module '{fullPath}': {e.Message}", e);
                }

                module = new Pkcs11Module(fullPath, factories, library);
                Loaded[fullPath] = module;
            }

            module._users++;
            return module;
        }
    }

    /// <summary>Gives back one <see cref="Acquire"/>; the last release finalizes and unloads the module.</summary>
    public void Release()
    {
        lock (Gate)
        {
            if (--_users > 0)
            {
                return;
            }

            Loaded.Remove(Path);
            Library.Dispose();
        }
    }
}
