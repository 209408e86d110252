using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Cli.Chat;

/// <summary>
/// The Terminal.Gui views of <c>loom chat</c>: rooms left, messages (or search results) middle, typing and status lines,
/// input at the bottom. PageUp/PageDown scroll back through history, loading earlier pages at the top.
/// </summary>
internal static class ChatApp
{
    public static async Task RunAsync(ChatScreen screen, ChatSession session, ChatLink link, CancellationToken ct)
    {
        // Rooms, history and subscriptions first; frames that arrive meanwhile wait in the link's channel for the pump.
        await session.StartAsync(ct);
        await UiThread.RunAsync(app => Run(app, screen, session, link, ct));
    }

    private static void Run(IApplication app, ChatScreen screen, ChatSession session, ChatLink link, CancellationToken ct)
    {
        using var window = new Window { Title = "loom chat  (Esc: quit, /help)" };
        var rooms = new FrameView { Title = "Rooms", X = 0, Y = 0, Width = 24, Height = Dim.Fill(4) };
        var roomList = new ListView { Width = Dim.Fill(), Height = Dim.Fill() };
        rooms.Add(roomList);
        var messages = new FrameView { Title = "Messages", X = Pos.Right(rooms), Y = 0, Width = Dim.Fill(), Height = Dim.Fill(4) };
        var messageList = new ListView { Width = Dim.Fill(), Height = Dim.Fill() };
        messages.Add(messageList);
        var typing = new Label { X = 0, Y = Pos.AnchorEnd(4), Width = Dim.Fill(), Text = "" };
        var status = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Text = screen.Status };
        var input = new TextField { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Text = "" };
        window.Add(rooms, messages, typing, status, input);

        var roomLines = new ObservableCollection<string>();
        var messageLines = new ObservableCollection<string>();
        roomList.SetSource(roomLines);
        messageList.SetSource(messageLines);

        var searching = false;
        void Render()
        {
            Replace(roomLines, screen.RoomLines());
            if (screen.SearchResults is not null)
            {
                messages.Title = $"Search: {screen.SearchText}  (Enter: open, Esc: back)";
                Replace(messageLines, screen.SearchLines());
                if (!searching)
                {
                    // Fresh results: the list takes the keys, so Enter opens the first hit.
                    searching = true;
                    messageList.SetFocus();
                    messageList.SelectedItem = 0;
                }
            }
            else
            {
                messages.Title = screen.CurrentEncrypted ? "Messages 🔒" : "Messages";
                Replace(messageLines, screen.MessageLines());
                if (searching)
                {
                    searching = false;
                    input.SetFocus();
                }

                if (screen.AnchorLine() is { } line)
                {
                    messageList.SelectedItem = line;
                    messageList.EnsureSelectedItemVisible();
                }
                else
                {
                    messageList.MoveEnd();
                }
            }

            typing.Text = screen.TypingLine();
            status.Text = screen.Status;
        }

        void InBackground(Func<Task> work) => _ = Task.Run(async () =>
        {
            await work();
            app.Invoke(Render);
        }, ct);

        messageList.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (screen.SearchResults is not null && messageList.SelectedItem is { } hit)
            {
                InBackground(() => session.JumpAsync(hit, ct));
            }
        };
        messageList.KeyDown += (_, key) =>
        {
            if (key == Key.Esc && screen.SearchResults is not null)
            {
                key.Handled = true;
                screen.CloseSearch();
                Render();
            }
        };
        input.KeyDown += (_, key) =>
        {
            var page = Math.Max(1, messageList.Viewport.Height - 1);
            if (key == Key.PageUp)
            {
                key.Handled = true;
                if (screen.PageUp(page))
                {
                    InBackground(() => session.EarlierAsync(ct));
                }

                Render();
            }
            else if (key == Key.PageDown)
            {
                key.Handled = true;
                screen.PageDown(page);
                Render();
            }
        };

        roomList.Accepting += (_, e) =>
        {
            if (roomList.SelectedItem is { } i)
            {
                screen.Select(i);
                Render();
            }

            e.Handled = true;
        };
        input.Accepting += (_, e) =>
        {
            e.Handled = true;
            var line = input.Text ?? "";
            input.Text = "";
            var parsed = ChatInput.Parse(line);
            _ = Task.Run(async () =>
            {
                var go = await session.RunAsync(parsed, ct);
                app.Invoke(() =>
                {
                    if (!go)
                    {
                        app.RequestStop();
                    }

                    Render();
                });
            }, ct);
        };
        input.TextChanging += (_, _) =>
        {
            if (screen.Current is { } room && !(input.Text ?? "").StartsWith('/') && screen.TypingDue())
            {
                _ = link.TypingAsync(room);
            }
        };
        void OnStateChanged(string s) => app.Invoke(() =>
        {
            screen.Status = s;
            Render();
        });
        link.StateChanged += OnStateChanged;

        // Frames arrive on the link's reader; the UI thread applies them in arrival order.
        _ = Task.Run(async () =>
        {
            await foreach (var frame in link.Events.ReadAllAsync(ct))
            {
                var f = frame;
                try
                {
                    await session.PrepareAsync(f, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One frame that cannot be opened must not stop the frames after it: it shows locked, and says why.
                    screen.Status = "error: " + e.Message;
                }

                app.Invoke(() =>
                {
                    screen.Apply(f);
                    Render();
                });
            }
        }, ct);
        app.AddTimeout(TimeSpan.FromMilliseconds(250), () =>
        {
            // Progress of a transfer is written to the status from the transfer's thread; the UI picks it up here.
            typing.Text = screen.TypingLine();
            status.Text = screen.Status;
            return true;
        });

        Render();
        input.SetFocus();
        app.Run(window);
        link.StateChanged -= OnStateChanged;
    }

    private static void Replace(ObservableCollection<string> target, IReadOnlyList<string> lines)
    {
        target.Clear();
        foreach (var l in lines)
        {
            target.Add(l);
        }
    }

}
