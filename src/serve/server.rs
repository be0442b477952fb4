//! The HTTP side of `serve`, built so that pages waiting for a reload cannot starve page
//! requests, with a fixed number of threads whatever the number of connections:
//!
//! - one reader thread accepts connections and reads request heads from all of them without
//!   blocking (a connection that sends nothing, such as a browser's preconnect, holds no
//!   thread, and is dropped after [`Limits::idle`]);
//! - a fixed number of workers answer complete requests from a bounded queue; when the queue
//!   is full the request is answered 503 at once (the reload script retries a second later);
//! - a request that must wait — a reload poll while its build is current, a corpus file while
//!   this build's are being made — is parked (its socket only) in a list beside the snapshot,
//!   under the same lock, so that a publish can never slip between the check and the parking;
//!   one waiter thread puts it back on the queue when a build is published or its time is up
//!   (a poll is then answered with the unchanged build, a corpus file with 503);
//! - a response is written from a snapshot taken under the lock and released at once, so a
//!   slow client never holds up other requests or a publish.
//!
//! Each connection carries one request (`Connection: close`): on loopback a new connection
//! costs microseconds, and no thread ever waits on an idle keep-alive connection. (tiny_http,
//! used before, read each connection on a thread of its own pool, and a burst of connections
//! could leave some unread until another closed: 200 polls opened at once left about 40 of
//! them unanswered.)

use super::http::{self, Answer, Ask, MAX_HEAD, Request};
use super::live::{Live, Rebuilt, Snapshot};
use crate::build::BuildOptions;
use crate::error::{Error, Result};
use std::io::{ErrorKind, Read};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How much the server takes on at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Threads that answer requests.
    pub workers: usize,
    /// Requests read and waiting for a worker; more are answered 503 at once.
    pub queue: usize,
    /// Requests parked at once (polls, corpus files); more are answered 503 at once.
    pub parked: usize,
    /// Connections whose request is still being read; more are closed at once.
    pub reading: usize,
    /// How long a reload poll waits for a new build before it is answered with the same one.
    pub poll: Duration,
    /// How long a corpus file waits for the build's corpus files before a 503.
    pub pending: Duration,
    /// How long a connection may take to send its request.
    pub idle: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            workers: 8,
            queue: 1024,
            parked: 4096,
            reading: 1024,
            poll: Duration::from_secs(25),
            pending: Duration::from_secs(60),
            idle: Duration::from_secs(30),
        }
    }
}

/// A request waiting for the site to change: its connection and what it asked.
pub struct Parked {
    stream: TcpStream,
    request: Request,
    until: Instant,
}

/// A request for a worker: a new one, or a parked one whose wait is over.
struct Job {
    stream: TcpStream,
    request: Request,
    /// How long a parked request may wait: `None` for a new request.
    until: Option<Instant>,
}

/// A running server: the live site, the listener and the threads. Dropping it stops it.
pub struct Server {
    live: Arc<Live<Parked>>,
    addr: SocketAddr,
    stopped: Arc<AtomicBool>,
    reader: Mutex<Option<JoinHandle<Result<()>>>>,
    threads: Vec<JoinHandle<()>>,
}

impl Server {
    /// Listens on `bind:port` (port 0: any free port) and answers from an empty site until the
    /// first [`Server::rebuild`].
    pub fn start(bind: &str, port: u16, limits: Limits) -> Result<Server> {
        let cannot = |e: std::io::Error| Error::msg(format!("cannot listen on {bind}:{port}: {e}"));
        let listener = TcpListener::bind((bind, port)).map_err(cannot)?;
        let addr = listener.local_addr().map_err(cannot)?;
        let live: Arc<Live<Parked>> = Arc::new(Live::new());
        let stopped = Arc::new(AtomicBool::new(false));
        let (queue, jobs) = mpsc::sync_channel::<Job>(limits.queue.max(1));
        let jobs = Arc::new(Mutex::new(jobs));
        let mut threads = Vec::new();
        for _ in 0..limits.workers.max(1) {
            let (live, jobs, limits) = (Arc::clone(&live), Arc::clone(&jobs), limits);
            threads.push(std::thread::spawn(move || work(&live, &jobs, limits)));
        }
        {
            let (live, queue) = (Arc::clone(&live), queue.clone());
            threads.push(std::thread::spawn(move || wake(&live, &queue)));
        }
        let reader = {
            let (live, stopped) = (Arc::clone(&live), Arc::clone(&stopped));
            std::thread::spawn(move || read(&listener, &live, &queue, limits, &stopped))
        };
        Ok(Server {
            live,
            addr,
            stopped,
            reader: Mutex::new(Some(reader)),
            threads,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Rebuilds the site and publishes it (see [`Live::rebuild`]).
    pub fn rebuild(&self, options: &BuildOptions) -> Result<Rebuilt> {
        self.live.rebuild(options)
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.live.snapshot()
    }

    /// How many requests are parked (waiting polls and corpus files).
    pub fn parked(&self) -> usize {
        self.live.lock().waiting.len()
    }

    /// Serves until the listener fails (it does not stop by itself otherwise).
    pub fn wait(&self) -> Result<()> {
        let reader = crate::output::lock(&self.reader).take();
        match reader.map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(Error::msg("the server's reader thread stopped")),
            None => Ok(()),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        // The reader may be blocked in accept: a connection wakes it to see the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(reader) = crate::output::lock(&self.reader).take() {
            let _ = reader.join();
        }
        // The reader held a sender of the queue; the waiter holds the other and stops when
        // told, which closes the queue and ends the workers.
        self.live.lock().stopping = true;
        self.live.notify();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// A connection whose request head is still arriving.
struct Incoming {
    stream: TcpStream,
    head: Vec<u8>,
    since: Instant,
}

/// The reader thread: accepts connections and reads their request heads without blocking,
/// then parks polls for the current build on the spot and queues everything else.
fn read(
    listener: &TcpListener,
    live: &Live<Parked>,
    queue: &SyncSender<Job>,
    limits: Limits,
    stopped: &AtomicBool,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::msg(format!("the server cannot accept connections: {e}"));
    let mut incoming: Vec<Incoming> = Vec::new();
    loop {
        // With nothing half-read, block in accept; else look at every socket every millisecond.
        listener.set_nonblocking(!incoming.is_empty()).map_err(fail)?;
        let mut progressed = false;
        loop {
            match listener.accept() {
                Ok((stream, _)) => {
                    if stopped.load(Ordering::SeqCst) {
                        return Ok(());
                    }
                    progressed = true;
                    if incoming.len() >= limits.reading || stream.set_nonblocking(true).is_err() {
                        continue; // dropped: closed
                    }
                    incoming.push(Incoming {
                        stream,
                        head: Vec::new(),
                        since: Instant::now(),
                    });
                    listener.set_nonblocking(true).map_err(fail)?;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted || e.kind() == ErrorKind::ConnectionAborted => {}
                // Out of file descriptors, or the like: wait for connections to close.
                Err(_) => {
                    std::thread::sleep(Duration::from_millis(50));
                    break;
                }
            }
        }
        let now = Instant::now();
        let mut still = Vec::with_capacity(incoming.len());
        for mut conn in incoming.drain(..) {
            match read_more(&mut conn) {
                Progress::Waiting if now.duration_since(conn.since) > limits.idle => {
                    reply_now(conn.stream, &Answer::status(408), false);
                }
                Progress::Waiting => still.push(conn),
                Progress::Closed => progressed = true,
                Progress::Head(end) => {
                    progressed = true;
                    dispatch(conn.stream, &conn.head[..end], live, queue, limits);
                }
            }
        }
        incoming = still;
        if !progressed && !incoming.is_empty() {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

enum Progress {
    Waiting,
    Closed,
    /// The head is complete: its length.
    Head(usize),
}

fn read_more(conn: &mut Incoming) -> Progress {
    let mut buf = [0u8; 4096];
    loop {
        match conn.stream.read(&mut buf) {
            Ok(0) => return Progress::Closed,
            Ok(n) => {
                conn.head.extend_from_slice(&buf[..n]);
                if let Some(end) = http::head_end(&conn.head) {
                    return Progress::Head(end);
                }
                if conn.head.len() > MAX_HEAD {
                    // Too long to be a browser's: answered and closed.
                    return Progress::Head(conn.head.len());
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => return Progress::Waiting,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Progress::Closed,
        }
    }
}

/// A complete request head: refused, parked or queued.
fn dispatch(stream: TcpStream, head: &[u8], live: &Live<Parked>, queue: &SyncSender<Job>, limits: Limits) {
    let request = match http::parse_head(head) {
        Ok(request) if head.len() <= MAX_HEAD => request,
        Ok(_) => return reply_now(stream, &Answer::status(431), false),
        Err(status) => return reply_now(stream, &Answer::status(status), false),
    };
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    let (stream, request) = if matches!(request.ask, Ask::Poll { .. }) {
        match park(live, stream, request, Instant::now() + limits.poll, limits) {
            Some(Parked { stream, request, .. }) => (stream, request),
            None => return,
        }
    } else {
        (stream, request)
    };
    if let Err(TrySendError::Full(job) | TrySendError::Disconnected(job)) = queue.try_send(Job {
        stream,
        request,
        until: None,
    }) {
        let version = live.snapshot().version;
        reply_now(job.stream, &Answer::busy(version), job.request.head_only);
    }
}

/// Writes a short answer from the reader or waiter thread, which must not wait on a client.
fn reply_now(mut stream: TcpStream, answer: &Answer, head_only: bool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = answer.write_to(&mut stream, head_only);
}

/// Parks the request if it must wait on the current snapshot, and hands it back when it can be
/// answered now. When the list is full the request is answered 503 at once (and `None` is
/// returned, as for a parked one).
fn park(live: &Live<Parked>, stream: TcpStream, request: Request, until: Instant, limits: Limits) -> Option<Parked> {
    let mut state = live.lock();
    let parked = Parked { stream, request, until };
    if !http::waits(&parked.request.ask, &state.current) {
        return Some(parked);
    }
    if state.waiting.len() >= limits.parked || state.stopping {
        let version = state.current.version;
        drop(state);
        reply_now(parked.stream, &Answer::busy(version), parked.request.head_only);
        return None;
    }
    state.waiting.push(parked);
    drop(state);
    // The waiter sleeps until the earliest time a parked request is due: it may be this one.
    live.notify();
    None
}

/// The waiter thread: puts parked requests back on the queue when a publish may answer them
/// or their time is up.
fn wake(live: &Live<Parked>, queue: &SyncSender<Job>) {
    let mut state = live.lock();
    loop {
        if state.stopping {
            return;
        }
        let now = Instant::now();
        let current = Arc::clone(&state.current);
        let (due, waiting): (Vec<Parked>, Vec<Parked>) = std::mem::take(&mut state.waiting)
            .into_iter()
            .partition(|p| p.until <= now || !http::waits(&p.request.ask, &current));
        state.waiting = waiting;
        if !due.is_empty() {
            drop(state);
            for Parked { stream, request, until } in due {
                // Blocks while the queue is full: these requests were already accepted.
                let job = Job {
                    stream,
                    request,
                    until: Some(until),
                };
                if queue.send(job).is_err() {
                    return;
                }
            }
            state = live.lock();
            continue;
        }
        let next = state.waiting.iter().map(|p| p.until).min();
        state = match next {
            Some(next) => {
                live.changed()
                    .wait_timeout(state, next.saturating_duration_since(now))
                    .unwrap_or_else(|p| p.into_inner())
                    .0
            }
            None => live.changed().wait(state).unwrap_or_else(|p| p.into_inner()),
        };
    }
}

/// A worker: answers requests from the queue until it closes.
fn work(live: &Live<Parked>, jobs: &Mutex<Receiver<Job>>, limits: Limits) {
    loop {
        let Ok(Job { stream, request, until }) = crate::output::lock(jobs).recv() else {
            return;
        };
        let now = Instant::now();
        let (mut stream, request) = match until {
            // A parked request whose time is up is answered whatever the snapshot holds.
            Some(until) if until <= now => (stream, request),
            _ => match park(live, stream, request, until.unwrap_or(now + limits.pending), limits) {
                Some(Parked { stream, request, .. }) => (stream, request),
                None => continue,
            },
        };
        let snapshot = live.snapshot();
        let answer = http::answer(&request.ask, &snapshot).unwrap_or_else(|| match request.ask {
            // Waited long enough: a poll gets the same build, a corpus file a 503.
            Ask::Poll { .. } => http::poll_answer(&snapshot),
            _ => Answer::busy(snapshot.version),
        });
        // A client that stops reading costs this worker at most the timeout.
        let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
        let _ = answer.write_to(&mut stream, request.head_only);
    }
}
