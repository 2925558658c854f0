import type { Channel, Direction, Psp, TransactionStatus } from '../../contract/enums.js';
import type { EntityRegistry } from './entity-registry.js';
import { hashIdentifier, hostingIpAddress, residentialIpAddress } from './network-identity.js';
import { drawPsp, entityId, feeFor, regionCountries, type CustomerProfile } from './plane.js';
import type { SeededRandom } from './seeded-random.js';
import { networkOverrides, type FraudReason, type SimulatedTransaction } from './simulated-transaction.js';

/** An IP as the simulator knows it: only the hash is written, the rest becomes override signals. */
export interface NetworkAddress {
  hash: string;
  /** Whether the address belongs to a hosting provider. */
  hosting: boolean;
  /** Country the address geolocates to. */
  country: string;
}

/** A website or app that takes online card and wallet payments. */
export interface OnlineMerchant {
  id: string;
  name: string;
  country: string;
  psp: Psp;
  routeId: string;
}

/** What every online scenario shares: the card holders, the merchants, the entity registry. */
export interface OnlineWorld {
  customers: readonly CustomerProfile[];
  /**
   * customers / 5,000: online fraud rates are set for the default population and scale with it, so
   * a small simulation keeps a realistic fraud rate (the handbook's card scenarios do not scale:
   * 2 terminals and 3 cards a day whatever the population, as published).
   */
  rateScale: number;
  merchants: readonly OnlineMerchant[];
  startMs: number;
  /** End of the simulated period (exclusive): scenarios spanning days stay inside it. */
  endMs: number;
  entities: EntityRegistry;
}

/** Number of online merchants. */
export const onlineMerchantCount = 300;

/** Creates the online merchants (with a KYB reference each) and registers them as entities. */
export function createOnlineMerchants(random: SeededRandom, entities: EntityRegistry, startMs: number): OnlineMerchant[] {
  return Array.from({ length: onlineMerchantCount }, (_, index) => {
    const psp = drawPsp(random);
    const country = random.pick(regionCountries);
    const id = entityId('mer', index);
    const name = `Online Store ${index + 1} Ltd`;
    entities.add({ entityId: id, entityType: 'merchant', country, createdAt: startMs - random.integerBetween(90, 3000) * 86_400_000, name });
    entities.addKycRef({
      entityId: id,
      docHash: hashIdentifier('document', `kyb:${id}`),
      docS3Url: `s3://sentra-kyc-docs/merchants/${id}/certificate-of-incorporation.pdf`,
      textBlob: `Certificate of incorporation. Company name: ${name}. Registered in ${country}. Registration number ${random.hex(10).toUpperCase()}.`,
    });
    return { id, name, country, psp, routeId: `${psp}-${country.toLowerCase()}-ecom-${1 + random.integer(2)}` };
  });
}

/** A residential address in a country. */
export function residentialAddress(random: SeededRandom, country: string): NetworkAddress {
  return { hash: hashIdentifier('ip', residentialIpAddress(random)), hosting: false, country };
}

/** A datacenter address; hosting providers geolocate anywhere. */
export function hostingAddress(random: SeededRandom): NetworkAddress {
  return { hash: hashIdentifier('ip', hostingIpAddress(random)), hosting: true, country: random.pick(regionCountries) };
}

/** A country other than `country`. */
export function foreignCountry(random: SeededRandom, country: string): string {
  const others = regionCountries.filter((candidate) => candidate !== country);
  return random.pick(others);
}

/** Everything that describes one online payment. */
export interface OnlinePayment {
  createdAt: number;
  amount: number;
  direction: Direction;
  channel: Channel;
  psp: Psp;
  routeId: string;
  status: TransactionStatus;
  statusReason: string;
  sender: CustomerProfile;
  receiverId: string;
  receiverCountry: string;
  merchantId: string | undefined;
  userId: string | undefined;
  address: NetworkAddress;
  deviceHash: string;
  sessionId: string;
  userAgent: string;
}

/** Builds the record of an online payment; the IP signals become the f_ip_* overrides. */
export function onlineTransaction(payment: OnlinePayment, fraudReason: FraudReason | undefined): SimulatedTransaction {
  return {
    fraudReason,
    record: {
      txId: '',
      createdAt: payment.createdAt,
      amount: payment.amount,
      currency: 'USD',
      fxRate: undefined,
      direction: payment.direction,
      channel: payment.channel,
      psp: payment.psp,
      routeId: payment.routeId,
      status: payment.status,
      statusReason: payment.statusReason,
      feeTotal: payment.status === 'failed' ? 0 : feeFor(payment.psp, payment.amount),
      senderEntityId: payment.sender.id,
      receiverEntityId: payment.receiverId,
      senderCountry: payment.sender.country,
      receiverCountry: payment.receiverCountry,
      userId: payment.userId,
      merchantId: payment.merchantId,
      ipHash: payment.address.hash,
      deviceIdHash: payment.deviceHash,
      sessionId: payment.sessionId,
      userAgent: payment.userAgent,
      overrides: networkOverrides(payment.address.hosting, payment.address.country !== payment.sender.country),
    },
  };
}

/** A session id that says nothing about the scenario that produced it. */
export function newSessionId(random: SeededRandom): string {
  return `ses_${random.hex(16)}`;
}

/** A platform account id, equally uninformative. */
export function newUserId(random: SeededRandom): string {
  return `usr_${random.hex(12)}`;
}
