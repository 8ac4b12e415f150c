/*
 * A hand-written event loop of the M/M/c queue that `simctl bench` runs: the baseline the
 * Swift kernel is measured against.
 *
 * Model: c = 8 servers, arrival rate 7.2/s, service rate 1/s (utilization 0.9), FIFO queue,
 * a fixed number of customers; the run ends when the last customer departs, so it handles
 * exactly 2 * customers events (one arrival and one departure each).
 *
 * Event list: a binary min-heap of structs ordered by (time, sequence). Time is an integer count
 * of nanoseconds (int64_t), as in ScaleSim; each exponential draw is rounded to the nearest
 * nanosecond once. Random numbers: xoshiro256** seeded through SplitMix64, one generator for
 * arrivals and one for service times; exponentials by inversion, -log(u) / rate with u in (0, 1).
 * Waits are recorded into Welford running moments, as the Swift model does.
 *
 * Build: cc -O2 -o mmc mmc.c -lm
 * Usage: mmc [customers] (default 5000000)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

enum { SERVERS = 8 };
static const double ARRIVAL_RATE = 7.2;
static const double SERVICE_RATE = 1.0;

/* SplitMix64 (Vigna), used only to expand a 64-bit seed into xoshiro's 256-bit state. */
static uint64_t splitmix64_next(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* 64-bit FNV-1a over the bytes of a stream name. */
static uint64_t fnv1a(const char *text) {
    uint64_t hash = 0xCBF29CE484222325ULL;
    for (; *text; text++) {
        hash ^= (unsigned char)*text;
        hash *= 0x00000100000001B3ULL;
    }
    return hash;
}

/* The seed of the stream called `name` in a run seeded with `seed`: one SplitMix64 step. */
static uint64_t stream_seed(uint64_t seed, const char *name) {
    uint64_t state = seed ^ (fnv1a(name) * 0x9E3779B97F4A7C15ULL);
    return splitmix64_next(&state);
}

typedef struct { uint64_t s[4]; } xoshiro256ss;

static void xoshiro_seed(xoshiro256ss *rng, uint64_t seed) {
    for (int i = 0; i < 4; i++) rng->s[i] = splitmix64_next(&seed);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t xoshiro_next(xoshiro256ss *rng) {
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* An exponential delay in nanoseconds, by inversion of a uniform draw in (0, 1). */
static inline int64_t exponential_ns(xoshiro256ss *rng, double rate) {
    double u = ((double)(xoshiro_next(rng) >> 11) + 0.5) * 0x1.0p-53;
    return llround(-log(u) / rate * 1e9);
}

enum kind { ARRIVAL, DEPARTURE };

typedef struct {
    int64_t time;
    uint64_t sequence;
    int kind;
} event;

typedef struct {
    event *items;
    size_t count, capacity;
    uint64_t next_sequence;
} heap;

static inline int precedes(const event *a, const event *b) {
    return a->time < b->time || (a->time == b->time && a->sequence < b->sequence);
}

static void heap_push(heap *h, int64_t time, int kind) {
    if (h->count == h->capacity) {
        h->capacity = h->capacity ? h->capacity * 2 : 64;
        h->items = realloc(h->items, h->capacity * sizeof(event));
        if (!h->items) { perror("realloc"); exit(1); }
    }
    event moving = { time, h->next_sequence++, kind };
    size_t child = h->count++;
    while (child > 0) {
        size_t parent = (child - 1) / 2;
        if (!precedes(&moving, &h->items[parent])) break;
        h->items[child] = h->items[parent];
        child = parent;
    }
    h->items[child] = moving;
}

static event heap_pop(heap *h) {
    event first = h->items[0];
    event moving = h->items[--h->count];
    size_t parent = 0, count = h->count;
    for (;;) {
        size_t child = 2 * parent + 1;
        if (child >= count) break;
        if (child + 1 < count && precedes(&h->items[child + 1], &h->items[child])) child++;
        if (!precedes(&h->items[child], &moving)) break;
        h->items[parent] = h->items[child];
        parent = child;
    }
    if (count > 0) h->items[parent] = moving;
    return first;
}

/* FIFO of the arrival times of waiting customers, a growable ring buffer. */
typedef struct {
    int64_t *items;
    size_t head, count, capacity;
} fifo;

static void fifo_push(fifo *q, int64_t value) {
    if (q->count == q->capacity) {
        size_t capacity = q->capacity ? q->capacity * 2 : 1024;
        int64_t *items = malloc(capacity * sizeof(int64_t));
        if (!items) { perror("malloc"); exit(1); }
        for (size_t i = 0; i < q->count; i++) items[i] = q->items[(q->head + i) % q->capacity];
        free(q->items);
        q->items = items;
        q->head = 0;
        q->capacity = capacity;
    }
    q->items[(q->head + q->count) % q->capacity] = value;
    q->count++;
}

static int64_t fifo_pop(fifo *q) {
    int64_t value = q->items[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    return value;
}

/* Welford running moments of the waits, in seconds. */
typedef struct { long long count; double mean, m2; } moments;

static inline void moments_record(moments *m, double x) {
    m->count++;
    double delta = x - m->mean;
    m->mean += delta / (double)m->count;
    m->m2 += delta * (x - m->mean);
}

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    long long customers = 5000000;
    if (argc > 1) {
        char *end;
        customers = strtoll(argv[1], &end, 10);
        if (*end != '\0' || customers <= 0) {
            fprintf(stderr, "mmc: invalid customer count '%s'; expected a positive integer\n", argv[1]);
            return 2;
        }
    }

    xoshiro256ss arrivals, services;
    xoshiro_seed(&arrivals, stream_seed(1, "mmc.arrivals"));
    xoshiro_seed(&services, stream_seed(1, "mmc.service"));

    heap events = { 0 };
    fifo waiting = { 0 };
    moments waits = { 0 };
    int busy = 0;
    long long arrived = 0, handled = 0;
    int64_t now = 0;

    double start = seconds_now();
    heap_push(&events, exponential_ns(&arrivals, ARRIVAL_RATE), ARRIVAL);
    arrived = 1;
    while (events.count > 0) {
        event next = heap_pop(&events);
        now = next.time;
        handled++;
        if (next.kind == ARRIVAL) {
            if (arrived < customers) {
                heap_push(&events, now + exponential_ns(&arrivals, ARRIVAL_RATE), ARRIVAL);
                arrived++;
            }
            if (busy < SERVERS) {
                busy++;
                moments_record(&waits, 0.0);
                heap_push(&events, now + exponential_ns(&services, SERVICE_RATE), DEPARTURE);
            } else {
                fifo_push(&waiting, now);
            }
        } else if (waiting.count > 0) {
            int64_t arrived_at = fifo_pop(&waiting);
            moments_record(&waits, (double)(now - arrived_at) * 1e-9);
            heap_push(&events, now + exponential_ns(&services, SERVICE_RATE), DEPARTURE);
        } else {
            busy--;
        }
    }
    double elapsed = seconds_now() - start;

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("customers=%lld events=%lld seconds=%.6f events_per_second=%.0f ns_per_event=%.2f "
           "peak_memory_kib=%ld mean_wait_s=%.6f simulated_s=%.1f\n",
           customers, handled, elapsed, (double)handled / elapsed, elapsed * 1e9 / (double)handled,
           usage.ru_maxrss, waits.mean, (double)now * 1e-9);
    free(events.items);
    free(waiting.items);
    return 0;
}
