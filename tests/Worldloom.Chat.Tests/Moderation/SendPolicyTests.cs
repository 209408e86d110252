using Worldloom.Chat.Moderation;
using Worldloom.Chat.Rooms;

namespace Worldloom.Chat.Tests.Moderation;

public sealed class SendPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static ChatMember Member(DateTimeOffset? mutedUntil = null) => new() { Role = ChatRoomRoles.Member, MutedUntil = mutedUntil };

    [Fact]
    public void Decide_MemberWithoutSanctions_MayPost() => Assert.Null(SendPolicy.Decide(Member(), null, null, Now));

    [Fact]
    public void Decide_NoMembership_IsNotMember() => Assert.Equal(SendPolicy.NotMember, SendPolicy.Decide(null, null, null, Now)?.Code);

    [Fact]
    public void Decide_Muted_SaysUntilWhen_AndHowLongToWait()
    {
        var refusal = SendPolicy.Decide(Member(Now.AddMinutes(3)), null, null, Now);

        Assert.Equal(SendPolicy.Muted, refusal?.Code);
        Assert.Equal(TimeSpan.FromMinutes(3), refusal?.RetryAfter);
        Assert.Equal("you are muted in this room until 2026-11-25T12:03:00Z.", refusal?.Detail);
    }

    [Fact]
    public void Decide_ExpiredMuteAndBans_NoLongerApply()
    {
        var ban = new ChatBan { ExpiresAt = Now };
        var siteBan = new ChatSiteBan { ExpiresAt = Now.AddSeconds(-1) };

        Assert.Null(SendPolicy.Decide(Member(Now), ban, siteBan, Now));
    }

    [Fact]
    public void Decide_BanOutranksMissingMembership_AndSiteBanOutranksEverything()
    {
        var roomBan = SendPolicy.Decide(null, new ChatBan(), null, Now);
        Assert.Equal(SendPolicy.Banned, roomBan?.Code);
        Assert.Equal("you are banned from this room.", roomBan?.Detail);
        Assert.Null(roomBan?.RetryAfter);

        var site = SendPolicy.Decide(Member(Now.AddDays(1)), new ChatBan(), new ChatSiteBan { ExpiresAt = Now.AddHours(1) }, Now);
        Assert.Equal(SendPolicy.Banned, site?.Code);
        Assert.StartsWith("you are banned from chat until", site?.Detail);
        Assert.Equal(TimeSpan.FromHours(1), site?.RetryAfter);
    }

    [Theory]
    [InlineData("owner", "moderator", true)]
    [InlineData("owner", "member", true)]
    [InlineData("owner", "owner", false)]
    [InlineData("moderator", "member", true)]
    [InlineData("moderator", "moderator", false)]
    [InlineData("moderator", "owner", false)]
    [InlineData("member", "member", false)]
    [InlineData("member", null, false)]
    [InlineData("moderator", null, true)]
    public void MayActOn(string actor, string? target, bool expected) =>
        Assert.Equal(expected, ModerationRules.MayActOn(ModerationRules.Rank(actor), target));

    [Fact]
    public void MayActOn_AdminsOutrankOwners() => Assert.True(ModerationRules.MayActOn(ModerationRules.Rank(null, isAdmin: true), ChatRoomRoles.Owner));
}
