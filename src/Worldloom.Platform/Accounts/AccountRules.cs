using System.Net.Mail;
using Worldloom.Platform.Problems;

namespace Worldloom.Platform.Accounts;

/// <summary>Field rules for accounts, shared by the API and the CLI.</summary>
public static class AccountRules
{
    /// <summary>Validates and normalizes an email.</summary>
    public static string Email(Validation v, string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            v.Add("email", "is required.");
        }
        else if (trimmed.Length > 254)
        {
            v.Add("email", "must be at most 254 characters.");
        }
        else if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            v.Add("email", "is not a valid email address.");
        }

        return AccountService.Normalize(trimmed);
    }

    /// <summary>Checks password length bounds.</summary>
    public static void Password(Validation v, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            v.Add("password", "is required.");
        }
        else if (password.Length < PasswordHasher.MinLength)
        {
            v.Add("password", $"must be at least {PasswordHasher.MinLength} characters.");
        }
        else if (password.Length > PasswordHasher.MaxLength)
        {
            v.Add("password", $"must be at most {PasswordHasher.MaxLength} characters.");
        }
    }
}
