/** A merchant for the merchant APIs' benchmarks, made through a running server's admin API. */
export interface BenchMerchant {
  merchantId: string;
  /** X-Api-Key and X-Merchant-Id of its key. */
  headers: Record<string, string>;
}

/** Creates a merchant on the server at `url` with one key and a balance of 1,000,000 in its currency. */
export async function createBenchMerchant(url: string, adminToken: string): Promise<BenchMerchant> {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, string>;
  };
  const merchant = await post('/v1/admin/merchants', { name: 'Bench shop', mode: 'live' });
  const key = await post(`/v1/admin/merchants/${merchant.merchant_id}/keys`, { name: 'bench' });
  await post(`/v1/admin/merchants/${merchant.merchant_id}/balance`, { amount: '1000000' });
  return { merchantId: merchant.merchant_id!, headers: { 'x-api-key': key.api_key!, 'x-merchant-id': merchant.merchant_id! } };
}
