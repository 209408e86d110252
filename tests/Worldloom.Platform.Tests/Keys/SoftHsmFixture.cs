using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tests.Keys;

/// <summary>
/// A real SoftHSM2 whose tokens live in a temp dir. SOFTHSM2_CONF is process-wide, so every test that talks to SoftHSM
/// sits in <see cref="SoftHsmCollection"/>, which xUnit runs on its own. Without softhsm2-util the fixture throws and
/// the tests fail: a missing HSM must never pass as skipped (<c>./test</c> installs the Debian package softhsm2).
/// </summary>
public sealed class SoftHsmFixture : IDisposable
{
    public const string Library = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "246810";
    public const string SoPin = "13579111";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-softhsm-" + Guid.NewGuid().ToString("N"));
    private readonly string? _previousConf = Environment.GetEnvironmentVariable("SOFTHSM2_CONF");

    public SoftHsmFixture()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "tokens"));
        var conf = Path.Combine(_dir, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {Path.Combine(_dir, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
        SetEnvironment("SOFTHSM2_CONF", conf);
        if (!File.Exists(Library))
        {
            throw new InvalidOperationException($"SoftHSM2 module missing at {Library}: install the Debian package softhsm2 (./test does).");
        }
    }

    /// <summary>Initializes a fresh token in the first free slot, so each test owns its keys.</summary>
    public string NewToken()
    {
        var label = "t" + Guid.NewGuid().ToString("N")[..16];
        SoftHsmUtil("--init-token", "--free", "--label", label, "--pin", Pin, "--so-pin", SoPin);
        return label;
    }

    /// <summary>Runs <paramref name="action"/> in a logged-in session of its own on the token, as another PKCS#11 client would.</summary>
    public static void WithSession(string tokenLabel, Action<ISession, Pkcs11InteropFactories> action)
    {
        var module = Pkcs11Module.Acquire(Library);
        try
        {
            var slot = module.Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label == tokenLabel);
            using var session = slot.OpenSession(SessionType.ReadWrite);
            try
            {
                session.Login(CKU.CKU_USER, Pin);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // A store in this process holds the login already.
            }

            action(session, module.Factories);
        }
        finally
        {
            module.Release();
        }
    }

    /// <summary>C_CloseAllSessions: ends every session of this process on the token, and with them the login, as a device reset would.</summary>
    public static void CloseAllSessions(string tokenLabel)
    {
        var module = Pkcs11Module.Acquire(Library);
        try
        {
            module.Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label == tokenLabel).CloseAllSessions();
        }
        finally
        {
            module.Release();
        }
    }

    public void Dispose()
    {
        SetEnvironment("SOFTHSM2_CONF", _previousConf);
        Directory.Delete(_dir, recursive: true);
    }

    // Environment.SetEnvironmentVariable changes only .NET's copy of the environment on Unix (child processes see it,
    // native code does not), and SoftHSM2 reads SOFTHSM2_CONF with getenv(): set both.
    private static void SetEnvironment(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        var rc = value is null ? unsetenv(name) : setenv(name, value, 1);
        if (rc != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc", SetLastError = true)]
    private static extern int unsetenv(string name);

    private static void SoftHsmUtil(params string[] args)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("softhsm2-util not found: install the Debian package softhsm2 (./test does).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"softhsm2-util {string.Join(' ', args.Take(2))} failed ({process.ExitCode}): {output.Result}{error}");
            }
        }
    }
}
