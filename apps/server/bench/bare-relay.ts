// The floor for the load benchmark: a bare socket.io server that only relays a message to
// the sender's room and acknowledges it. No simulation, no validation, no storage.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join-room', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('message', (message: { room: string; demandId: number }, ack: (reply: unknown) => void) => {
    socket.to(message.room).emit('update', { type: 'decided', demandId: message.demandId });
    ack({ ok: true });
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`relay listening on ${typeof address === 'object' && address ? address.port : port}\n`);
});
