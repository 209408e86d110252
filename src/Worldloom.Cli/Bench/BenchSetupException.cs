namespace Worldloom.Cli.Bench;

/// <summary>The bench could not create its users on the server; the message says which request failed and why.</summary>
internal sealed class BenchSetupException(string message) : Exception(message);
