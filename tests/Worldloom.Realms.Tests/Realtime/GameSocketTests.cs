using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Tests.Support;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Wire;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realtime;

namespace Worldloom.Realms.Tests.Realtime;

/// <summary>The game socket against a real server: joining, walking, seeing, reconnecting, the console, bad frames.</summary>
[Trait("Category", "Integration")]
public sealed class GameSocketTests(RealmHost fixture) : IClassFixture<RealmHost>
{
    private static readonly int[] Compass = [0, 1024, 2048, 3072];

    [Fact]
    public async Task Join_Walk_ThePositionInSnapshotsChanges()
    {
        var (realm, character) = await PlayerAsync();
        await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        Assert.Equal(realm, game.Welcome!.RealmId);
        Assert.Equal(20, game.Welcome.TicksPerSecond);
        await game.SnapshotAsync(_ => true, "a first snapshot");
        Assert.Null(game.Latest!.BaselineTick);
        var start = game.Self.Position;

        await WalkAsync(game);

        var moved = await game.SnapshotAsync(s => s.Entities.Single(e => e.Id == game.Welcome.EntityId).Position != start, "the character moved");
        Assert.True(moved.Own.LastSequence > 0);
        // Acknowledged snapshots make later ones deltas.
        await game.SnapshotAsync(s => s.BaselineTick is not null, "a delta snapshot");
    }

    [Fact]
    public async Task Metrics_CountTicksAndConnections()
    {
        var (_, character) = await PlayerAsync();
        await using (var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character))
        {
            await game.SnapshotAsync(_ => true, "a first snapshot");
            var text = await fixture.Host.Client().GetStringAsync("/metrics");
            Assert.Contains("loom_realms_tick_seconds_count", text, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^loom_realms_connections [1-9]", text);
        }
    }

    [Fact]
    public async Task AnAckCarriedByAnInput_IsTheBaselineOfTheNextDeltas()
    {
        var (_, character) = await PlayerAsync();
        await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        game.AcksWithInputs = true;

        // Nothing acked yet: full snapshots.
        var first = await game.SnapshotAsync(_ => true, "a first snapshot");
        Assert.Null(first.BaselineTick);
        var acked = (await game.SnapshotAsync(s => s.Tick > first.Tick, "a second snapshot")).Tick;
        Assert.Null(game.Latest!.BaselineTick);

        await game.WalkAsync(0);
        var delta = await game.SnapshotAsync(s => s.BaselineTick is not null, "a delta");
        Assert.Equal(acked, delta.BaselineTick);
    }

    [Fact]
    public async Task TwoClients_SeeEachOther()
    {
        var (realm, mine) = await PlayerAsync();
        var admin = await fixture.Host.UserAsync(Roles.Admin);
        var theirs = (await RealmHost.CharacterAsync(admin, realm)).GetProperty("id").GetGuid();
        await using var a = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, mine);
        await using var b = await GameSocket.PlayAsync(fixture.Host, admin, theirs);

        var aSeesB = a.SnapshotAsync(s => s.Entities.Any(e => e.Id == b.Welcome!.EntityId), "the other player");
        var bSeesA = b.SnapshotAsync(s => s.Entities.Any(e => e.Id == a.Welcome!.EntityId), "the other player");
        await Task.WhenAll(aSeesB, bSeesA);
    }

    [Fact]
    public async Task AFarEntity_IsNeverSent()
    {
        var (realm, near) = await PlayerAsync();
        var far = (await RealmHost.CharacterAsync(fixture.Owner, realm)).GetProperty("id").GetGuid();
        await using var a = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, near);
        await a.SnapshotAsync(_ => true, "a first snapshot");
        var spawn = a.Self.Position;
        var zone = await ZoneOfAsync(near);
        var ground = await ZoneGround.ReadAsync(fixture.Owner, realm, zone.X, zone.Y);
        var tile = ground.FarFrom(spawn.TileX, spawn.TileY, ZoneSimulationRadius + 16);
        Assert.True(tile is not null, "the zone has no open ground far from the spawn");
        await fixture.Host.WithDbAsync(async db =>
        {
            var row = await db.Set<RealmCharacter>().SingleAsync(c => c.Id == far);
            (row.PositionX, row.PositionY) = (Vec.AtTile(tile.Value.X, tile.Value.Y).X, Vec.AtTile(tile.Value.X, tile.Value.Y).Y);
            await db.SaveChangesAsync();
        });

        await using var b = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, far);
        await b.SnapshotAsync(_ => true, "a first snapshot");
        Assert.True(Math.Max(Math.Abs(b.Self.Position.TileX - spawn.TileX), Math.Abs(b.Self.Position.TileY - spawn.TileY)) > ZoneSimulationRadius);
        for (var i = 0; i < 40; i++)
        {
            await a.ExpectAsync<SnapshotFrame>();
            await b.ExpectAsync<SnapshotFrame>();
        }

        Assert.DoesNotContain(b.Welcome!.EntityId, a.EverSeen);
        Assert.DoesNotContain(a.Welcome!.EntityId, b.EverSeen);
        var status = await fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, zone)).StatusAsync();
        Assert.Equal(2, status.Connected);
    }

    [Fact]
    public async Task Reconnect_WithinTheGrace_ResumesWhereItWas()
    {
        var (_, character) = await PlayerAsync();
        uint entity;
        Vec left;
        await using (var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character))
        {
            (entity, left) = await WalkAndStopAsync(game);
        }

        await using var again = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        Assert.Equal(entity, again.Welcome!.EntityId);
        await again.SnapshotAsync(_ => true, "a first snapshot");
        Assert.Null(again.Latest!.BaselineTick);
        Assert.Equal(left, again.Self.Position);
        // The new connection numbers its inputs from 1 again, and they are applied, not refused as replays.
        await again.WalkAsync(Compass[0]);
        await again.SnapshotAsync(s => s.Own.LastSequence == 1, "the first input of the new connection applied");
    }

    [Fact]
    public async Task ZoneReactivation_RestoresFromTheCheckpoint()
    {
        var (realm, character) = await PlayerAsync();
        var zone = await ZoneOfAsync(character);
        var grain = fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, zone));
        uint entity;
        Vec left;
        await using (var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character))
        {
            (entity, left) = await WalkAndStopAsync(game);
            var before = await grain.StatusAsync();
            Assert.False(before.Restored);

            await grain.DeactivateAsync();

            ZoneStatus after;
            using var deadline = new CancellationTokenSource(GameSocket.Patience);
            while (!(after = await grain.StatusAsync()).Restored)
            {
                await Task.Delay(50, deadline.Token);
            }

            Assert.True(after.Tick >= before.Tick, $"restored at tick {after.Tick}, before {before.Tick}");
            Assert.Equal(1, after.Players);
            // The old activation's connection is gone: the character waits out the grace for its player.
            Assert.Equal(0, after.Connected);
        }

        var saved = await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().SingleAsync(c => c.Id == character));
        // Snapshots carry positions to 1/16 tile; the database has them exact.
        Assert.InRange(saved.PositionX!.Value - left.X, -16, 16);
        Assert.InRange(saved.PositionY!.Value - left.Y, -16, 16);

        await using var again = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        Assert.Equal(entity, again.Welcome!.EntityId);
        await again.SnapshotAsync(_ => true, "a first snapshot");
        Assert.Equal(left, again.Self.Position);
    }

    [Fact]
    public async Task Console_TheOwnerOfATestArea_MayUseIt_TheOwnerOfAWorldMayNot_AnAdminMay()
    {
        var (_, inTestArea) = await PlayerAsync("test-area");
        await using (var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, inTestArea))
        {
            await game.SendAsync(new ConsoleCommandFrame("/heal"));
            var reply = await game.ExpectAsync<ConsoleReplyFrame>();
            Assert.False(string.IsNullOrWhiteSpace(reply.Text));
            await game.SendAsync(new ConsoleCommandFrame("/fly"));
            Assert.Contains("/fly", (await game.ExpectAsync<ConsoleReplyFrame>()).Text, StringComparison.Ordinal);
        }

        Assert.True(await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.console" && a.Target == $"realm-character:{inTestArea}")));

        var (realm, inWorld) = await PlayerAsync("world");
        await using (var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, inWorld))
        {
            await game.SendAsync(new ConsoleCommandFrame("/killall"));
            var refused = await game.ExpectAsync<ErrorFrame>();
            Assert.Equal(RealmErrors.Forbidden, refused.Code);
            // Refused, not closed: the connection plays on.
            await game.SendAsync(new PingFrame(9));
            await game.ExpectAsync<PongFrame>(p => p.Nonce == 9);
        }

        var admin = await fixture.Host.UserAsync(Roles.Admin);
        var adminCharacter = (await RealmHost.CharacterAsync(admin, realm)).GetProperty("id").GetGuid();
        await using (var game = await GameSocket.PlayAsync(fixture.Host, admin, adminCharacter))
        {
            await game.SendAsync(new ConsoleCommandFrame("/heal"));
            await game.ExpectAsync<ConsoleReplyFrame>();
        }
    }

    [Fact]
    public async Task TooManyRefusedInputs_AreRefusedThenKicked4001_AndTheCharacterIsSaved()
    {
        var (realm, character) = await PlayerAsync();
        var (leaves, checkpoints) = (WritesTimed("leave"), WritesTimed("checkpoint"));
        await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        // Sequence 0 is at or below the last applied: a replay, every time.
        for (var i = 0; i < 45; i++)
        {
            await game.SendAsync(new InputFrame(new Core.Input.PlayerInput(0, -1, null)));
        }

        var refused = await game.ExpectAsync<RefusedFrame>();
        Assert.Equal("replayed", refused.Code);
        Assert.Equal((WebSocketCloseStatus)4001, await game.ClosedAsync());
        Assert.Contains("refused", game.CloseDescription, StringComparison.OrdinalIgnoreCase);
        var zone = fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, await ZoneOfAsync(character)));
        Assert.Equal(0, (await zone.StatusAsync()).Players);
        // The zone saves a player that left after the tick, in order with its other writes: a checkpoint ends after it.
        await zone.CheckpointAsync();
        Assert.True(WritesTimed("leave") > leaves && WritesTimed("checkpoint") > checkpoints, "the zone's writes are in loom_realms_zone_write_seconds");
        var saved = await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().SingleAsync(c => c.Id == character));
        Assert.NotNull(saved.PositionX);
        Assert.True(saved.Hp > 0, $"saved hp {saved.Hp}");
    }

    [Fact]
    public async Task ABadToken_Closes4401()
    {
        await using var game = await GameSocket.OpenAsync(fixture.Host);
        await game.SendAsync(new AuthFrame("not-a-token"));
        var error = await game.ExpectAsync<ErrorFrame>();
        Assert.Equal(RealmErrors.Unauthenticated, error.Code);
        Assert.Equal((WebSocketCloseStatus)4401, await game.ClosedAsync());
    }

    [Fact]
    public async Task NoAuthInTime_Closes4401()
    {
        await using var game = await GameSocket.OpenAsync(fixture.Host);
        Assert.Equal((WebSocketCloseStatus)4401, await game.ClosedAsync());
    }

    [Fact]
    public async Task BadFrames_AreAnsweredWithErrors_AndTheConnectionStays()
    {
        var (_, character) = await PlayerAsync();
        await using var game = await GameSocket.OpenAsync(fixture.Host);
        await game.SendAsync(new JoinFrame(character));
        Assert.Equal(RealmErrors.Unauthenticated, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendAsync(new AuthFrame(fixture.Owner.AccessToken));

        await game.SendAsync(new AckFrame(1));
        Assert.Equal(RealmErrors.NotJoined, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendRawAsync([0x7F]);
        Assert.Equal("unknown_type", (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendRawAsync([]);
        await game.SendAsync(new PingFrame(1));
        var answers = new List<ServerFrame>();
        while (answers.LastOrDefault() is not PongFrame)
        {
            answers.Add((await game.NextAsync())!);
        }

        Assert.Equal(["empty"], answers.OfType<ErrorFrame>().Select(e => e.Code));
        await game.SendRawAsync([0x03, 1, 2]);
        var truncated = await game.ExpectAsync<ErrorFrame>();
        Assert.Equal("truncated", truncated.Code);
        Assert.Contains("input", truncated.Message, StringComparison.Ordinal);
        await game.SendRawAsync("{\"type\":\"join\"}"u8.ToArray(), WebSocketMessageType.Text);
        Assert.Equal(RealmErrors.NotBinary, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendRawAsync(new byte[WireLimits.MaxClientFrame + 10]);
        Assert.Equal(RealmErrors.NotBinary, (await game.ExpectAsync<ErrorFrame>()).Code);

        await game.SendAsync(new JoinFrame(character));
        await game.ExpectAsync<WelcomeFrame>();
        await game.SendAsync(new JoinFrame(character));
        Assert.Equal(RealmErrors.AlreadyJoined, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SnapshotAsync(_ => true, "snapshots after the bad frames");
    }

    [Fact]
    public async Task APublicTestArea_TwoPlayersSeeEachOther_OnlyTheOwnerHasTheConsole()
    {
        var realm = (await fixture.RealmAsync("test-area")).GetProperty("id").GetGuid();
        var mine = (await RealmHost.CharacterAsync(fixture.Owner, realm)).GetProperty("id").GetGuid();
        var player = await fixture.Host.UserAsync();
        var theirs = (await RealmHost.CharacterAsync(player, realm)).GetProperty("id").GetGuid();
        await using var a = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, mine);
        await using var b = await GameSocket.PlayAsync(fixture.Host, player, theirs);
        await Task.WhenAll(
            a.SnapshotAsync(s => s.Entities.Any(e => e.Id == b.Welcome!.EntityId), "the other player"),
            b.SnapshotAsync(s => s.Entities.Any(e => e.Id == a.Welcome!.EntityId), "the other player"));

        await b.SendAsync(new ConsoleCommandFrame("/killall"));
        Assert.Equal(RealmErrors.Forbidden, (await b.ExpectAsync<ErrorFrame>()).Code);
        Assert.False(await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.console" && a.Target == $"realm-character:{theirs}")));
        await a.SendAsync(new ConsoleCommandFrame("/heal"));
        await a.ExpectAsync<ConsoleReplyFrame>();
    }

    [Fact]
    public async Task ACharacterInAPrivateRealmOfSomeoneElse_CannotJoin()
    {
        // Only an admin (or a database edit) puts a stranger's character there: the socket applies the REST rule anyway.
        var realm = (await fixture.RealmAsync("test-area", visibility: "private")).GetProperty("id").GetGuid();
        var stranger = await fixture.Host.UserAsync();
        var character = (await RealmHost.CharacterAsync(fixture.Owner, realm)).GetProperty("id").GetGuid();
        await fixture.Host.WithDbAsync(async db =>
        {
            var row = await db.Set<RealmCharacter>().SingleAsync(c => c.Id == character);
            row.OwnerId = stranger.Id;
            await db.SaveChangesAsync();
        });
        await using var game = await GameSocket.ConnectAsync(fixture.Host, stranger);
        await game.SendAsync(new JoinFrame(character));
        Assert.Equal(RealmErrors.NotFound, (await game.ExpectAsync<ErrorFrame>()).Code);
    }

    [Fact]
    public async Task JoiningSomeoneElsesOrAnUnknownCharacter_IsNotFound()
    {
        var (_, character) = await PlayerAsync();
        var stranger = await fixture.Host.UserAsync();
        await using var game = await GameSocket.ConnectAsync(fixture.Host, stranger);
        await game.SendAsync(new JoinFrame(character));
        Assert.Equal(RealmErrors.NotFound, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendAsync(new JoinFrame(Guid.NewGuid()));
        Assert.Equal(RealmErrors.NotFound, (await game.ExpectAsync<ErrorFrame>()).Code);
        await game.SendAsync(new PingFrame(3));
        await game.ExpectAsync<PongFrame>(p => p.Nonce == 3);
    }

    [Fact]
    public async Task AFlood_IsRateLimited_WithoutClosing()
    {
        await using var game = await GameSocket.ConnectAsync(fixture.Host, await fixture.Host.UserAsync());
        for (var i = 0; i < 300; i++)
        {
            await game.SendAsync(new PingFrame((uint)i));
        }

        Assert.Equal(RealmErrors.RateLimited, (await game.ExpectAsync<ErrorFrame>()).Code);
        // Frames over the limit are dropped without an answer; once the window has passed, they go through again.
        for (var nonce = 10_000u; nonce < 10_010; nonce++)
        {
            await Task.Delay(250);
            await game.SendAsync(new PingFrame(nonce));
        }

        await game.ExpectAsync<PongFrame>(p => p.Nonce >= 10_000);
    }

    [Fact]
    public async Task WalkingOntoAnExit_MovesTheCharacterToTheNeighbour_AndReroutesTheConnection()
    {
        var (realm, character) = await PlayerAsync("test-area");
        var (from, to) = await CrossAsync(realm, character, failures: 0);
        await AssertOneTransferAsync(realm, character, from, to);
    }

    [Fact]
    public async Task AnInterruptedHandOver_CompletesOnRetry_NothingDuplicatedOrLost()
    {
        var (realm, character) = await PlayerAsync("test-area");
        fixture.HandOver.Fail(character, 3);
        var (from, to) = await CrossAsync(realm, character, failures: 3);
        Assert.Equal(4, fixture.HandOver.Attempts[character]);
        await AssertOneTransferAsync(realm, character, from, to);
    }

    [Fact]
    public async Task AHandOverWhoseAnswerWasLost_IsRetried_AndTheTargetTakesTheCharacterOnce()
    {
        var (realm, character) = await PlayerAsync("test-area");
        fixture.HandOver.LoseAnswers(character, 2);
        var (from, to) = await CrossAsync(realm, character, failures: 0);
        await AssertOneTransferAsync(realm, character, from, to);
        // The retry read the record, found it done, and did not call again.
        Assert.Equal(1, fixture.HandOver.Attempts[character]);

        // And a call that comes again anyway (a duplicate delivery) changes nothing.
        var transfer = await fixture.Host.WithDbAsync(db => db.Set<Zones.ZoneTransfer>().AsNoTracking().SingleAsync(t => t.CharacterId == character));
        var target = fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, to));
        Assert.Null((await target.TransferInAsync(transfer.Id, null, Guid.Empty, false)).Error);
        await AssertOneTransferAsync(realm, character, from, to);
    }

    [Fact]
    public Task WhileACrossingIsRecorded_TheZoneTicksOn_AndAJoinIsToldToRetry() =>
        CrossWithTheRecordHeldAsync(async (zone, character, _) =>
        {
            // The tick that took the character out of play is over: the zone goes on ticking while the record waits.
            await TicksOnAsync(zone, 5);

            // Its record still names this zone, but it is in neither zone's play: a join now is told to try again.
            await using var second = await GameSocket.ConnectAsync(fixture.Host, fixture.Owner);
            await second.SendAsync(new JoinFrame(character));
            Assert.Equal(RealmErrors.Unavailable, (await second.ExpectAsync<ErrorFrame>()).Code);
        });

    [Fact]
    public Task WhileTheDatabaseIsLocked_ACrossingAndACheckpointWaitForIt_AndTheZoneTicksOn() =>
        CrossWithTheRecordHeldAsync(async (zone, character, hold) =>
        {
            // Another writer holds the character's row (on SQLite, the whole database) while the crossing is recorded.
            // SQLite's calls are synchronous: a record written in the zone's turn would stop its ticks until the lock
            // went (or the write timed out after 30 s and the crossing failed).
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Set<RealmCharacter>().Where(c => c.Id == character).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version));
            hold.Release();

            // Longer than a checkpoint's period, whose write waits for the lock too.
            await TicksOnAsync(zone, ZoneGrain.CheckpointTicks + 20);
            await transaction.RollbackAsync();
        });

    /// <summary>
    /// Walks a new character onto an exit with its crossing's record held, runs <paramref name="whileHeld"/> with the
    /// zone it leaves (which may let the record go on), then lets it go and checks the crossing completes, once.
    /// </summary>
    private async Task CrossWithTheRecordHeldAsync(Func<IZoneGrain, Guid, FlakyHandOver.Hold, Task> whileHeld)
    {
        var (realm, character) = await PlayerAsync("test-area");
        var (from, edge, exit) = await ExitOfAsync(realm, character);
        var hold = fixture.HandOver.HoldRecording(character);
        try
        {
            await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
            await game.SendAsync(new ConsoleCommandFrame($"/tp {edge.X} {edge.Y}"));
            await hold.Reached.Task.WaitAsync(GameSocket.Patience);
            await whileHeld(fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, from)), character, hold);

            hold.Release();
            var transfer = await game.ExpectAsync<TransferFrame>();
            Assert.Equal((exit.X, exit.Y), (transfer.ZoneX, transfer.ZoneY));
            await game.ExpectAsync<WelcomeFrame>();
        }
        finally
        {
            hold.Release();
        }

        await AssertOneTransferAsync(realm, character, from, new ZoneKey(exit.X, exit.Y));
    }

    /// <summary>How many zone writes of <paramref name="kind"/> this process has timed (every host's together).</summary>
    private static double WritesTimed(string kind) => RealmsMetrics.ZoneWriteSeconds.WithLabels(kind).Count;

    /// <summary>Waits until <paramref name="zone"/> has stepped <paramref name="ticks"/> more ticks.</summary>
    private static async Task TicksOnAsync(IZoneGrain zone, int ticks)
    {
        var tick = (await zone.StatusAsync()).Tick;
        using var patience = new CancellationTokenSource(GameSocket.Patience);
        while ((await zone.StatusAsync()).Tick < tick + ticks)
        {
            await Task.Delay(20, patience.Token);
        }
    }

    [Fact]
    public async Task AJoinWhoseReadPredatesACrossingsRecord_IsToldToRetry_NotPlacedInTheOldZone()
    {
        var (realm, character) = await PlayerAsync("test-area");
        var (from, edge, exit) = await ExitOfAsync(realm, character);
        var recording = fixture.HandOver.HoldRecording(character);
        FlakyHandOver.Hold? joinRead = null;
        try
        {
            await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
            await game.SendAsync(new ConsoleCommandFrame($"/tp {edge.X} {edge.Y}"));
            await recording.Reached.Task.WaitAsync(GameSocket.Patience);

            // A second connection's join reads the record while it still names this zone, and waits there.
            joinRead = fixture.HandOver.HoldJoinRead(character);
            await using var second = await GameSocket.ConnectAsync(fixture.Host, fixture.Owner);
            await second.SendAsync(new JoinFrame(character));
            await joinRead.Reached.Task.WaitAsync(GameSocket.Patience);

            // The crossing commits and completes meanwhile: the character is no longer "crossing" in this zone.
            recording.Release();
            await fixture.HandOver.HandedOverAsync(character).WaitAsync(GameSocket.Patience);
            var transfer = await game.ExpectAsync<TransferFrame>();
            Assert.Equal((exit.X, exit.Y), (transfer.ZoneX, transfer.ZoneY));
            await game.ExpectAsync<WelcomeFrame>();

            // The join goes on with what it read, which is stale: it must not put the character back into this zone.
            joinRead.Release();
            Assert.Equal(RealmErrors.Unavailable, (await second.ExpectAsync<ErrorFrame>()).Code);
        }
        finally
        {
            recording.Release();
            joinRead?.Release();
        }

        await AssertOneTransferAsync(realm, character, from, new ZoneKey(exit.X, exit.Y));
    }

    /// <summary>The character's zone, a walkable tile on one of its exit edges, and that edge's exit.</summary>
    private async Task<(ZoneKey From, (int X, int Y, string Edge) Edge, (string Edge, int X, int Y) Exit)> ExitOfAsync(Guid realm, Guid character)
    {
        var from = await ZoneOfAsync(character);
        var ground = await ZoneGround.ReadAsync(fixture.Owner, realm, from.X, from.Y);
        var edge = ground.OnExitEdge();
        Assert.True(edge is not null, $"zone {from} has no exit with a walkable edge tile");
        return (from, edge.Value, ground.Exits.First(e => e.Edge == edge.Value.Edge));
    }

    /// <summary>Teleports onto an exit's edge and follows the character into the neighbour; returns both zones.</summary>
    private async Task<(ZoneKey From, ZoneKey To)> CrossAsync(Guid realm, Guid character, int failures)
    {
        var (from, edge, exit) = await ExitOfAsync(realm, character);
        await using var game = await GameSocket.PlayAsync(fixture.Host, fixture.Owner, character);
        var before = game.Welcome!;
        await game.SendAsync(new ConsoleCommandFrame($"/tp {edge.X} {edge.Y}"));
        var transfer = await game.ExpectAsync<TransferFrame>();
        Assert.Equal((exit.X, exit.Y), (transfer.ZoneX, transfer.ZoneY));
        var welcome = await game.ExpectAsync<WelcomeFrame>();
        Assert.Equal((exit.X, exit.Y), (welcome.ZoneX, welcome.ZoneY));
        Assert.True(failures >= 0 && before.ZoneX == from.X);

        // Inputs now reach the new zone: it applies them.
        await game.SnapshotAsync(_ => true, "a snapshot of the new zone");
        await game.WalkAsync(Compass[0]);
        await game.SnapshotAsync(s => s.Own.LastSequence >= 1, "the new zone applying an input");
        return (from, new ZoneKey(exit.X, exit.Y));
    }

    private async Task AssertOneTransferAsync(Guid realm, Guid character, ZoneKey from, ZoneKey to)
    {
        var transfers = await fixture.Host.WithDbAsync(db => db.Set<Zones.ZoneTransfer>().AsNoTracking().Where(t => t.CharacterId == character).ToListAsync());
        var transfer = Assert.Single(transfers);
        Assert.Equal(Zones.ZoneTransferStatus.Done, transfer.Status);
        Assert.Equal((from.X, from.Y, to.X, to.Y), (transfer.FromX, transfer.FromY, transfer.ToX, transfer.ToY));
        Assert.Equal(to, await ZoneOfAsync(character));
        // In the target zone once, in the source zone not at all.
        Assert.Equal(1, (await fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, to)).StatusAsync()).Players);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IZoneGrain>(ZoneGrainKey.Format(realm, from)).StatusAsync()).Players);
    }

    private const int ZoneSimulationRadius = Core.Simulation.ZoneSimulation.DefaultVisibleRadius;

    private async Task<(Guid Realm, Guid Character)> PlayerAsync(string preset = "test-area")
    {
        var realm = (await fixture.RealmAsync(preset)).GetProperty("id").GetGuid();
        var character = (await RealmHost.CharacterAsync(fixture.Owner, realm)).GetProperty("id").GetGuid();
        return (realm, character);
    }

    private async Task<ZoneKey> ZoneOfAsync(Guid character)
    {
        var row = await fixture.Host.WithDbAsync(db => db.Set<RealmCharacter>().AsNoTracking().SingleAsync(c => c.Id == character));
        return new ZoneKey(row.ZoneX, row.ZoneY);
    }

    /// <summary>Walks, then stands still, so where it is when the connection goes is where it stays; its entity and place.</summary>
    private static async Task<(uint Entity, Vec Position)> WalkAndStopAsync(GameSocket game)
    {
        await WalkAsync(game);
        await game.WalkAsync(-1);
        var stopped = await game.SnapshotAsync(s => s.Own.LastSequence == (Compass.Length * 10) + 1, "the stop applied");
        var entity = game.Welcome!.EntityId;
        return (entity, stopped.Entities.Single(e => e.Id == entity).Position);
    }

    /// <summary>Ten inputs each way round the compass, one a tick: some direction is open from any spawn.</summary>
    private static async Task WalkAsync(GameSocket game)
    {
        foreach (var angle in Compass)
        {
            for (var i = 0; i < 10; i++)
            {
                await game.WalkAsync(angle);
                await game.ExpectAsync<SnapshotFrame>();
            }
        }
    }
}
