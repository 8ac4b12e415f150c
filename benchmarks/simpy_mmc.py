"""The M/M/c queue of `simctl bench` written in SimPy 4.1, for a speed comparison.

Model: c = 8 servers (a simpy.Resource), arrival rate 7.2/s, service rate 1/s (utilization 0.9),
FIFO queue, a fixed number of customers, each a SimPy process. The run ends when the last customer
departs. As in the Swift and C versions, an "event" is one arrival or one departure, so a run
counts 2 * customers events, although SimPy itself processes several internal events per customer
(request, grant, timeout, release, process end). Time is SimPy's float seconds; exponential draws
come from Python's random.Random (Mersenne Twister), seeded with 1.

Usage: python3 simpy_mmc.py [customers]   (default 1000000)
"""

import random
import resource
import sys
import time

import simpy

SERVERS = 8
ARRIVAL_RATE = 7.2
SERVICE_RATE = 1.0


def run(customers):
    """Simulate `customers` customers; return (simulated end time, mean wait in seconds)."""
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    rng = random.Random(1)
    waits = {"count": 0, "mean": 0.0}

    def customer():
        arrived_at = env.now
        with servers.request() as request:
            yield request
            wait = env.now - arrived_at
            waits["count"] += 1
            waits["mean"] += (wait - waits["mean"]) / waits["count"]
            yield env.timeout(rng.expovariate(SERVICE_RATE))

    def source():
        for _ in range(customers):
            yield env.timeout(rng.expovariate(ARRIVAL_RATE))
            env.process(customer())

    env.process(source())
    env.run()
    return env.now, waits["mean"]


def main():
    customers = 1_000_000
    if len(sys.argv) > 1:
        try:
            customers = int(sys.argv[1])
        except ValueError:
            customers = 0
        if customers <= 0:
            sys.exit(f"simpy_mmc: invalid customer count '{sys.argv[1]}'; expected a positive integer")

    start = time.perf_counter()
    simulated, mean_wait = run(customers)
    elapsed = time.perf_counter() - start
    events = 2 * customers
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"customers={customers} events={events} seconds={elapsed:.6f} "
        f"events_per_second={events / elapsed:.0f} ns_per_event={elapsed * 1e9 / events:.2f} "
        f"peak_memory_kib={peak_kib} mean_wait_s={mean_wait:.6f} simulated_s={simulated:.1f} "
        f"simpy={simpy.__version__}"
    )


if __name__ == "__main__":
    main()
