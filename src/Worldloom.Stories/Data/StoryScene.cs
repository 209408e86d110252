namespace Worldloom.Stories.Data;

/// <summary>A scene: a titled story of segments, possibly a fork of another scene at one of its segments.</summary>
public sealed class StoryScene
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>One line on what it is about; may be empty.</summary>
    public string Logline { get; set; } = "";

    /// <summary>The topic it is filed under.</summary>
    public Guid? TopicId { get; set; }

    /// <summary>The Forge world it is told in, whose bible it started from.</summary>
    public Guid? WorldId { get; set; }

    /// <summary><see cref="SceneVisibility.Public"/> or <see cref="SceneVisibility.Private"/>.</summary>
    public string Visibility { get; set; } = SceneVisibility.Public;

    /// <summary>Who made it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The narrator's seed; every segment of the scene is narrated with it.</summary>
    public long Seed { get; set; }

    /// <summary>The scene this one was forked from.</summary>
    public Guid? ParentSceneId { get; set; }

    /// <summary>The parent's last segment this fork shows (1-based); null for an original.</summary>
    public int? ForkedAtSegment { get; set; }

    /// <summary>The original at the top of the fork tree (itself for an original).</summary>
    public Guid RootSceneId { get; set; }

    /// <summary><see cref="SceneStatus.Active"/>, or <see cref="SceneStatus.Removed"/> by a moderator.</summary>
    public string Status { get; set; } = SceneStatus.Active;

    /// <summary>The bible (<c>worldloom-bible/1</c>, canonical).</summary>
    public string BibleJson { get; set; } = "";

    /// <summary>The bible's version (its number of corrections); the bible's ETag and the optimistic concurrency token of edits.</summary>
    public int BibleVersion { get; set; }

    /// <summary>
    /// The segment being narrated or rendered, if any. Claimed by a compare-and-set update so that of two requests for a
    /// new segment at once exactly one wins (the other gets 409); cleared when the segment's job ends.
    /// </summary>
    public Guid? GeneratingSegmentId { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its owner deleted it; a deleted scene is gone for everyone, its segments stay for forks that show them.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
