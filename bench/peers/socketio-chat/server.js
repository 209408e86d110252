// The peer `loom bench chat` compares Worldloom's chat against: a Socket.IO room-broadcast server doing the same
// scenario. A client joins a room, sends messages; each message goes to everyone in the room, the sender included,
// and the sender gets an ack. Unlike Worldloom it stores nothing and checks no identity or membership: an ack here
// means "broadcast", where Worldloom's means "durably stored".
//
// Usage: node server.js [port]   (port 0 or none: any free port). Prints one line {"port":N,"pid":N} once listening.
"use strict";

const http = require("node:http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((req, res) => {
  res.writeHead(404).end();
});

// WebSocket only, no per-message compression: the same transport Worldloom's clients use, and no long-polling
// handshake before the upgrade.
const io = new Server(server, {
  transports: ["websocket"],
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 64 * 1024,
});

let seq = 0;

io.on("connection", (socket) => {
  socket.on("join", (room, ack) => {
    if (typeof room !== "string") {
      if (typeof ack === "function") ack({ error: "invalid" });
      return;
    }
    socket.join(room);
    if (typeof ack === "function") ack({ roomId: room });
  });

  socket.on("send", (frame, ack) => {
    if (frame === null || typeof frame !== "object" || typeof frame.roomId !== "string" || typeof frame.body !== "string") {
      if (typeof ack === "function") ack({ error: "invalid" });
      return;
    }
    // About the shape of Worldloom's message event, so both servers put similar bytes on the wire.
    const message = {
      id: String(++seq),
      roomId: frame.roomId,
      authorId: socket.id,
      clientId: frame.clientId,
      body: frame.body,
      createdAt: new Date().toISOString(),
    };
    io.to(frame.roomId).emit("message", message);
    if (typeof ack === "function") ack({ clientId: frame.clientId, messageId: message.id });
  });
});

server.listen(port, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + "\n");
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
}
