import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The broker's Prometheus metrics, in a registry of its own so that several brokers can share a process. */
export interface BrokerMetrics {
  registry: Registry;
  exchanges: Counter<'outcome'>;
  exchangeSeconds: Histogram<'outcome'>;
  revocations: Counter<'outcome'>;
  policyReloads: Counter<'outcome'>;
}

export function brokerMetrics(): BrokerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    exchanges: new Counter({ name: 'broker_exchanges_total', help: 'Token exchanges, by outcome (issued, denied, replayed, rate-limited, invalid, failed).', labelNames: ['outcome'], registers: [registry] }),
    exchangeSeconds: new Histogram({
      name: 'broker_exchange_duration_seconds',
      help: 'Time to answer an exchange, by outcome.',
      labelNames: ['outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    revocations: new Counter({ name: 'broker_revocations_total', help: 'Sessions revoked at job end, by outcome (denied, cleared-only, failed).', labelNames: ['outcome'], registers: [registry] }),
    policyReloads: new Counter({ name: 'broker_policy_reloads_total', help: 'Policy reloads, by outcome (replaced, kept-last-good).', labelNames: ['outcome'], registers: [registry] }),
  };
}
