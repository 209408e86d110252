namespace Worldloom.Platform.Accounts;

/// <summary>One login attempt, kept for brute-force protection.</summary>
public sealed class LoginAttempt
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The lower-cased email tried, whether or not an account has it.</summary>
    public required string Email { get; set; }

    /// <summary>The client address.</summary>
    public required string Ip { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Whether the password matched.</summary>
    public bool Succeeded { get; set; }
}
