package com.example.ordersaga.bench.twopc;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Wraps a real XA resource and votes "rollback" at prepare — a database that fails in the first
 * phase after the others prepared. Everything else goes to the real resource.
 */
final class FailingPrepare {

  private volatile boolean prepared;

  boolean prepared() {
    return prepared;
  }

  XAResource around(XAResource real) {
    return new XAResource() {
      @Override
      public int prepare(Xid xid) throws XAException {
        prepared = true;
        real.rollback(xid);
        throw new XAException(XAException.XA_RBROLLBACK);
      }

      @Override
      public void commit(Xid xid, boolean onePhase) throws XAException {
        real.commit(xid, onePhase);
      }

      @Override
      public void end(Xid xid, int flags) throws XAException {
        real.end(xid, flags);
      }

      @Override
      public void forget(Xid xid) throws XAException {
        real.forget(xid);
      }

      @Override
      public int getTransactionTimeout() throws XAException {
        return real.getTransactionTimeout();
      }

      @Override
      public boolean isSameRM(XAResource other) throws XAException {
        return other == this;
      }

      @Override
      public Xid[] recover(int flag) throws XAException {
        return real.recover(flag);
      }

      @Override
      public void rollback(Xid xid) throws XAException {
        real.rollback(xid);
      }

      @Override
      public boolean setTransactionTimeout(int seconds) throws XAException {
        return real.setTransactionTimeout(seconds);
      }

      @Override
      public void start(Xid xid, int flags) throws XAException {
        real.start(xid, flags);
      }
    };
  }
}
