using System.CommandLine;
using Worldloom.Cli.Commands;
using Worldloom.Cli.Chat;

var root = new RootCommand("Worldloom: living game worlds and the stories told in them, from a seed.");
root.Options.Add(CommonOptions.Data);
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(AdminCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(KeysCommands.Create());
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(JobsCommands.Create());
root.Subcommands.Add(BenchCommands.Create());
root.Subcommands.Add(WorldCommands.Create());
root.Subcommands.Add(StoryCommands.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(ChatCommand.Create());
return await root.Parse(args).InvokeAsync();
