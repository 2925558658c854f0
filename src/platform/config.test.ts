import { describe, expect, it } from 'vitest';
import { loadConfig, sharedRedis } from './config.js';
import { SentraError } from '../errors/errors.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every invalid variable at once, by name', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', REDIS_URL: 'not a url', SENTRA_BOOTSTRAP_TOKEN: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SentraError);
    const error = caught as SentraError;
    expect(error.code).toBe('SENTRA_ERR_CONFIG');
    expect(error.details.map((detail) => detail.path).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'REDIS_URL', 'SENTRA_BOOTSTRAP_TOKEN']);
  });

  it('accepts PostgreSQL and Redis URLs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379', PORT: '0' });
    expect(config.databaseUrl).toBe('postgres://u@127.0.0.1:5432/db');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(0);
  });

  it('reads a Redis Cluster from REDIS_CLUSTER_NODES, and refuses it beside REDIS_URL or with a braced key prefix', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, rediss://:s%40cret@10.0.0.2:7001' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.redisCluster).toEqual({ nodes: [{ host: '10.0.0.1', port: 7000 }, { host: '10.0.0.2', port: 7001 }], tls: true, password: 's@cret' });
    expect(sharedRedis(config)).toBe(config.redisCluster);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as SentraError).details.map((detail) => detail.path).sort();
      }
    };
    expect(problems({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual(['REDIS_CLUSTER_NODES']);
    expect(problems({ REDIS_CLUSTER_NODES: '10.0.0.1:7000', SENTRA_REDIS_PREFIX: 'sentra:{eu}' })).toEqual(['SENTRA_REDIS_PREFIX']);
    expect(problems({ REDIS_CLUSTER_NODES: 'http://10.0.0.1:7000' })).toEqual(['REDIS_CLUSTER_NODES']);
    expect(problems({ REDIS_CLUSTER_NODES: ' , ' })).toEqual(['REDIS_CLUSTER_NODES']);
  });

  it('uses the local artifact store in the artifact folder by default', () => {
    const config = loadConfig({ SENTRA_DATA_DIR: '/srv/sentra' });
    expect(config.artifactDir).toBe('/srv/sentra/artifacts');
    expect(config.artifactStore).toEqual({ kind: 'local', directory: '/srv/sentra/artifacts' });
    expect(loadConfig({ SENTRA_ARTIFACT_STORE: 'local', SENTRA_ARTIFACT_DIR: '/mnt/shared/artifacts' }).artifactStore).toEqual({
      kind: 'local',
      directory: '/mnt/shared/artifacts',
    });
  });

  it('configures an S3 artifact store with the documented defaults', () => {
    const config = loadConfig({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'risk-models' });
    expect(config.artifactStore).toEqual({ kind: 's3', bucket: 'risk-models', prefix: 'sentra/', endpoint: undefined, region: 'us-east-1', forcePathStyle: false, requestTimeoutMs: 60_000 });
    expect(Object.isFrozen(config.artifactStore)).toBe(true);
  });

  it('configures an S3-compatible server: endpoint, region, prefix, path-style', () => {
    const config = loadConfig({
      SENTRA_ARTIFACT_STORE: 's3',
      SENTRA_S3_BUCKET: 'risk-models',
      SENTRA_S3_PREFIX: 'prod/sentra',
      SENTRA_S3_ENDPOINT: 'https://minio.internal:9000',
      SENTRA_S3_REGION: 'auto',
      SENTRA_S3_FORCE_PATH_STYLE: 'true',
      SENTRA_S3_TIMEOUT_MS: '5000',
    });
    expect(config.artifactStore).toEqual({
      kind: 's3',
      bucket: 'risk-models',
      prefix: 'prod/sentra/',
      endpoint: 'https://minio.internal:9000',
      region: 'auto',
      forcePathStyle: true,
      requestTimeoutMs: 5_000,
    });
    expect(loadConfig({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'b.example-1', SENTRA_S3_FORCE_PATH_STYLE: 'false', SENTRA_S3_PREFIX: '' }).artifactStore).toMatchObject({
      prefix: 'sentra/',
      forcePathStyle: false,
    });
  });

  it('reports every artifact store problem at once, by name', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(SentraError);
        expect((error as SentraError).code).toBe('SENTRA_ERR_CONFIG');
        return (error as SentraError).details;
      }
      throw new Error('the configuration was accepted');
    };
    const details = problems({
      SENTRA_ARTIFACT_STORE: 's3',
      SENTRA_S3_PREFIX: '/abs/../x',
      SENTRA_S3_ENDPOINT: 'ftp://minio:9000',
      SENTRA_S3_REGION: 'us east 1',
      SENTRA_S3_FORCE_PATH_STYLE: 'yes',
      PORT: '-1',
    });
    expect(details.map((detail) => detail.path).sort()).toEqual([
      'PORT',
      'SENTRA_S3_BUCKET',
      'SENTRA_S3_ENDPOINT',
      'SENTRA_S3_FORCE_PATH_STYLE',
      'SENTRA_S3_PREFIX',
      'SENTRA_S3_REGION',
    ]);
    expect(details.find((detail) => detail.path === 'SENTRA_S3_BUCKET')?.message).toBe('SENTRA_S3_BUCKET is required when SENTRA_ARTIFACT_STORE is s3');
    expect(details.find((detail) => detail.path === 'SENTRA_S3_FORCE_PATH_STYLE')?.message).toContain('true or false');

    expect(problems({ SENTRA_ARTIFACT_STORE: 'S3' }).map((detail) => detail.message)).toEqual(['SENTRA_ARTIFACT_STORE must be one of local, s3, got "S3"']);
    expect(problems({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 's3://risk-models' }).map((detail) => detail.path)).toEqual(['SENTRA_S3_BUCKET']);
    expect(problems({ SENTRA_ARTIFACT_STORE: 's3', SENTRA_S3_BUCKET: 'ab' }).map((detail) => detail.path)).toEqual(['SENTRA_S3_BUCKET']);
    expect(problems({ SENTRA_S3_ENDPOINT: 'not a url' }).map((detail) => detail.path)).toEqual(['SENTRA_S3_ENDPOINT']);
  });
  it('reads the embedded maintenance interval: 60 s by default, 0 turns it off, anything else out of 0 to 86400 is refused', () => {
    expect(loadConfig({}).databaseVacuumIntervalSeconds).toBe(60);
    expect(loadConfig({ SENTRA_DB_VACUUM_INTERVAL_SECONDS: '0' }).databaseVacuumIntervalSeconds).toBe(0);
    expect(loadConfig({ SENTRA_DB_VACUUM_INTERVAL_SECONDS: '300' }).databaseVacuumIntervalSeconds).toBe(300);
    for (const raw of ['-1', '1.5', 'often', '86401']) {
      let caught: unknown;
      try {
        loadConfig({ SENTRA_DB_VACUUM_INTERVAL_SECONDS: raw });
      } catch (error) {
        caught = error;
      }
      expect(caught, raw).toBeInstanceOf(SentraError);
      expect((caught as SentraError).details).toEqual([
        { code: 'range', path: 'SENTRA_DB_VACUUM_INTERVAL_SECONDS', message: `SENTRA_DB_VACUUM_INTERVAL_SECONDS must be an integer from 0 to 86400, got "${raw}"` },
      ]);
    }
  });
});
